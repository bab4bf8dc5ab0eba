package io.novasim.report;

import io.novasim.report.RunReport.Entry;

/**
 * The readable transcript of a run: one line per entry, {@code [virtual time]} first; expectations indented with PASS
 * or FAIL; a last line with the count. Coloured for a terminal, plain otherwise (the same words either way).
 */
public final class TranscriptWriter {
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String CYAN = "\u001B[36m";

    private TranscriptWriter() {
    }

    public static String write(RunReport report, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (Entry entry : report.entries()) {
            out.append(paint(line(entry), colour(entry.kind()), colour)).append('\n');
        }
        return out.append(summary(report, colour)).toString();
    }

    /**
     * The verdict: {@code PASSED: 3 of 3 expectations met}, and its line break; after {@code FAILED: ...}, a line for
     * each expectation not met (a long transcript's reader, or {@code --quiet}'s, finds them without scrolling).
     */
    public static String summary(RunReport report, boolean colour) {
        String summary = (report.passed() ? "PASSED" : "FAILED") + ": " + (report.expectations() - report.failures())
                + " of " + report.expectations() + " expectations met";
        StringBuilder out = new StringBuilder(paint(summary, report.passed() ? GREEN + BOLD : RED + BOLD, colour))
                .append('\n');
        if (!report.passed()) {
            for (Entry entry : report.entries()) {
                if (entry.kind() == RunReport.Kind.FAIL) {
                    out.append(paint("    not met at " + entry.at() + ": " + entry.text(), RED, colour)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** An entry's line, without colour. */
    static String line(Entry entry) {
        return switch (entry.kind()) {
            case PASS -> "    " + entry.text() + ": PASS";
            case FAIL -> "    " + entry.text() + ": FAIL";
            case SERVER, RESOURCE, WORK_FAILED -> "[" + entry.at() + "] * " + entry.text();
            case FAULT_FIRED -> "[" + entry.at() + "] ! " + entry.text();
            default -> "[" + entry.at() + "] " + entry.text();
        };
    }

    private static String colour(RunReport.Kind kind) {
        return switch (kind) {
            case PASS -> GREEN;
            case FAIL -> RED + BOLD;
            case REQUEST, TITLE -> BOLD;
            case FAULT_FIRED, REFUSAL, WORK_FAILED -> YELLOW;
            case SERVER, RESOURCE -> CYAN;
            case ANSWER, NOTE, ADVANCE, WORLD, FAULT_RULE -> DIM;
        };
    }

    private static String paint(String text, String style, boolean colour) {
        return colour ? style + text + RESET : text;
    }
}
