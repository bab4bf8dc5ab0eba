package io.novasim.report;

import io.novasim.report.RunReport.Entry;
import io.novasim.report.RunReport.Kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code novasim run --html}: the run as one self-contained page for people. A header with the verdict, the failed
 * expectations first, a timeline of every server's vm_state and task_state and every port, volume, attachment and
 * medium over virtual time with requests, faults and expectations marked on it, a legend, then the whole transcript.
 * No scripts, fonts or images from anywhere: styles and the SVG are inline, tooltips are SVG titles. The page is also
 * well-formed XML, and the same report always gives the same bytes.
 */
public final class HtmlReport {
    /** Transcript lines longer than this (big answer bodies) are cut; the JSON report has them whole. */
    private static final int MAX_LINE = 5_000;

    private static final String PAGE_STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#212529;margin:24px;\
            max-width:1300px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
            .desc{margin:0 0 12px;color:#495057}
            table.facts{border-collapse:collapse}table.facts th{text-align:left;font-weight:normal;color:#868e96;\
            padding:1px 16px 1px 0}table.facts td{padding:1px 0}
            .verdict{font-weight:bold;padding:1px 8px;border-radius:3px;color:#fff}
            .verdict.pass{background:#2f9e44}.verdict.fail{background:#e03131}
            .summary{border:1px solid;border-radius:4px;padding:8px 14px;margin:16px 0}
            .summary.pass{border-color:#8ce99a;background:#ebfbee}.summary.fail{border-color:#ffa8a8;background:#fff5f5}
            .summary ol{margin:6px 0;padding-left:22px}.summary .ctx{color:#868e96;font-size:12px;word-break:break-all}
            .scroll{overflow-x:auto;border:1px solid #dee2e6;padding:4px}
            .note{color:#495057;font-size:13px}
            .legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:4px 0 10px;font-size:13px}
            .legend span{display:inline-flex;align-items:center;gap:5px}
            pre.transcript{font:12px/1.4 monospace;background:#f8f9fa;border:1px solid #dee2e6;padding:8px;\
            white-space:pre-wrap;word-break:break-all;color:#6c757d}
            pre.transcript span:target{background:#ffec99}
            .k-title,.k-request{font-weight:bold;color:#212529}.k-pass{color:#2b8a3e}
            .k-fail{color:#c92a2a;font-weight:bold}
            .k-fault_fired,.k-refusal,.k-work_failed{color:#b35c00}.k-server,.k-resource{color:#0b7285}
            .k-answer,.k-note,.k-advance,.k-world,.k-fault_rule{color:#6c757d}
            .verdict-line.pass{color:#2b8a3e;font-weight:bold}.verdict-line.fail{color:#c92a2a;font-weight:bold}
            """;

    private HtmlReport() {
    }

    /** The page of {@code report}. */
    public static String write(RunReport report) {
        Timeline timeline = Timeline.of(report);
        TimelineSvg svg = TimelineSvg.draw(timeline, report.start());
        BitSet anchors = svg.linked();
        StringBuilder out = new StringBuilder(4096 + report.entries().size() * 160);
        String verdict = report.passed() ? "PASSED" : "FAILED";
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>novasim: ")
                .append(Markup.escape(report.scenario())).append(": ").append(verdict).append("</title>\n<style>\n")
                .append(PAGE_STYLE).append("</style>\n</head>\n<body>\n");
        header(report, out);
        summary(report, anchors, out);

        out.append("<h2>Timeline</h2>\n<p class=\"note\">Virtual time runs left to right from the start of the run. "
                + "Hover over a state or a marker for its details; click it to find its line in the transcript."
                + "</p>\n");
        String omitted = TimelineSvg.omittedNote(timeline);
        if (!omitted.isEmpty()) {
            out.append("<p class=\"note omitted\">").append(Markup.escape(omitted)).append("</p>\n");
        }
        out.append("<div class=\"scroll\">\n").append(svg.svg()).append("\n</div>\n");
        legend(out);
        transcript(report, anchors, out);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void header(RunReport report, StringBuilder out) {
        out.append("<header>\n<h1>").append(Markup.escape(report.scenario())).append("</h1>\n");
        if (report.description() != null) {
            out.append("<p class=\"desc\">").append(Markup.escape(report.description())).append("</p>\n");
        }
        String css = report.passed() ? "pass" : "fail";
        out.append("<table class=\"facts\">\n<tr><th>result</th><td><span class=\"verdict ").append(css)
                .append("\">").append(report.passed() ? "PASSED" : "FAILED").append("</span> ")
                .append(report.expectations() - report.failures()).append(" of ").append(report.expectations())
                .append(" expectations met</td></tr>\n");
        fact("seed", String.valueOf(report.seed()), out);
        fact("dialect", report.dialect(), out);
        fact("virtual start", report.start().toString(), out);
        fact("virtual end", report.end() + " (" + TimelineSvg.duration(
                Duration.between(report.start(), report.end()).toMillis()) + " later)", out);
        fact("entries", String.valueOf(report.entries().size()), out);
        out.append("</table>\n</header>\n");
    }

    private static void fact(String name, String value, StringBuilder out) {
        out.append("<tr><th>").append(name).append("</th><td>").append(Markup.escape(value)).append("</td></tr>\n");
    }

    /** The failed expectations, each with the step it belongs to; or a line saying every one held. */
    private static void summary(RunReport report, BitSet anchors, StringBuilder out) {
        if (report.passed()) {
            out.append("<section class=\"summary pass\">Every expectation held (").append(report.expectations())
                    .append(").</section>\n");
            return;
        }
        out.append("<section class=\"summary fail\">\n<strong>").append(report.failures())
                .append(report.failures() == 1 ? " expectation" : " expectations").append(" failed</strong>\n<ol>\n");
        Entry step = null;
        List<Entry> entries = report.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.kind() == Kind.REQUEST || entry.kind() == Kind.NOTE && !isRequestCount(entry.text())) {
                step = entry;
            } else if (entry.kind() == Kind.FAIL) {
                anchors.set(i);
                out.append("<li><a href=\"#e").append(i).append("\">").append(Markup.escape(entry.text()))
                        .append("</a> <span class=\"ctx\">at ").append(entry.at());
                if (step != null) {
                    out.append(", after ").append(Markup.escape(Markup.truncate(step.text(), 300)));
                }
                out.append("</span></li>\n");
            }
        }
        out.append("</ol>\n</section>\n");
    }

    /** Whether a note only counts the requests a wait took ({@code 4 requests}). */
    private static boolean isRequestCount(String text) {
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        return digits > 0 && (text.startsWith(" request", digits) && text.length() - digits <= " requests".length());
    }

    private static void legend(StringBuilder out) {
        out.append("<h2>Legend</h2>\n<div class=\"legend\">");
        for (Map.Entry<String, String> state : Palette.VM_STATES.entrySet()) {
            swatch(bar("fill=\"" + state.getValue() + "\""), state.getKey(), out);
        }
        out.append("</div>\n<div class=\"legend\">");
        swatch(bar("fill=\"#dee2e6\"") + bar("fill=\"url(#task)\""),
                "a task_state is set (hatched; its name is written when it fits)", out);
        swatch(bar("class=\"busy\""), "many states too close together to draw", out);
        swatch("<path class=\"end\" d=\"M13 0V14\"/>", "deleted (the lane ends)", out);
        out.append("</div>\n<div class=\"legend\">");
        Map<String, List<String>> byColour = new LinkedHashMap<>();
        for (Map.Entry<String, String> state : Palette.RESOURCE_STATES.entrySet()) {
            byColour.computeIfAbsent(state.getValue(), colour -> new ArrayList<>()).add(state.getKey());
        }
        for (Map.Entry<String, List<String>> colour : byColour.entrySet()) {
            swatch(bar("fill=\"" + colour.getKey() + "\""), String.join(", ", colour.getValue()), out);
        }
        out.append("</div>\n<div class=\"legend\">");
        for (TimelineSvg.Symbol symbol : TimelineSvg.Symbol.values()) {
            // The error answer's triangle hangs below its row's middle; lift it into the box.
            swatch("<path class=\"" + symbol.css + "\" d=\"" + symbol.path(13,
                    symbol == TimelineSvg.Symbol.ERROR_ANSWER ? 5 : 7) + "\"/>", symbol.one, out);
        }
        out.append("</div>\n");
    }

    private static String bar(String paint) {
        return "<rect width=\"26\" height=\"14\" " + paint + "/>";
    }

    private static void swatch(String shapes, String words, StringBuilder out) {
        out.append("<span><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"26\" height=\"14\">").append(shapes)
                .append("</svg>").append(Markup.escape(words)).append("</span>");
    }

    private static void transcript(RunReport report, BitSet anchors, StringBuilder out) {
        out.append("<h2>Transcript</h2>\n<pre class=\"transcript\">");
        List<Entry> entries = report.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String line = TranscriptWriter.line(entry);
            if (line.length() > MAX_LINE) {
                line = Markup.truncate(line, MAX_LINE) + " (" + (line.length() - MAX_LINE)
                        + " more characters; the --json report has them all)";
            }
            // Lines in the transcript's own grey (answers, notes, the clock) need no span unless a link points there.
            boolean dim = switch (entry.kind()) {
                case ANSWER, NOTE, ADVANCE, WORLD, FAULT_RULE -> true;
                default -> false;
            };
            if (dim && !anchors.get(i)) {
                Markup.escape(line, out, false);
                out.append('\n');
                continue;
            }
            out.append("<span");
            if (anchors.get(i)) {
                out.append(" id=\"e").append(i).append('"');
            }
            out.append(" class=\"k-").append(entry.kind().name().toLowerCase(Locale.ROOT)).append("\">");
            Markup.escape(line, out, false);
            out.append("</span>\n");
        }
        String css = report.passed() ? "pass" : "fail";
        out.append("<span class=\"verdict-line ").append(css).append("\">").append(report.passed() ? "PASSED"
                        : "FAILED").append(": ").append(report.expectations() - report.failures()).append(" of ")
                .append(report.expectations()).append(" expectations met</span>\n</pre>\n");
    }
}
