package io.novasim.cli;

import io.novasim.report.HtmlReport;
import io.novasim.report.JsonReport;
import io.novasim.report.RunReport;
import io.novasim.report.TranscriptWriter;
import io.novasim.cli.scenario.InvalidScenarioException;
import io.novasim.cli.scenario.Scenario;
import io.novasim.cli.scenario.ScenarioReader;
import io.novasim.cli.scenario.ScenarioRunner;
import io.novasim.cli.scenario.StreamedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code novasim run SCENARIO.yaml}: runs a scenario in-process on virtual time and prints its transcript, and
 * optionally writes a JSON or HTML report. Exit codes: 0 every expectation met, 1 an expectation failed, 2 usage
 * error, 3 invalid scenario file.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run a scenario file on virtual time and print its transcript.")
public final class RunCommand implements Callable<Integer> {
    static final int EXIT_EXPECTATION_FAILED = 1;
    static final int EXIT_INVALID_SCENARIO = 3;
    /** Fewer steps than this finish before a progress line would be read. */
    private static final int PROGRESS_FROM_STEPS = 1_000;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "A YAML scenario file, or JSON when its name ends in .json"
            + " (see examples/).")
    Path file;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the run as a JSON report.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write the run as a self-contained HTML page: a timeline of every server's and "
                    + "resource's states with requests, faults and failed expectations marked, then the transcript.")
    Path html;

    /** When the transcript is coloured. */
    enum When {
        auto, always, never
    }

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Colour the transcript: ${COMPLETION-CANDIDATES} (auto: on a terminal). Default: "
                    + "${DEFAULT-VALUE}.")
    When colour;

    @Option(names = "--quiet", description = "Print only the last line (PASSED or FAILED).")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ScenarioRunner.Progress progress = System.console() != null ? new ProgressLine(err)
                    : ScenarioRunner.Progress.NONE;
            RunReport report = run(progress);
            boolean coloured = colour == When.always || colour == When.auto && Ansi.AUTO.enabled();
            out.print(quiet ? TranscriptWriter.summary(report, coloured) : TranscriptWriter.write(report, coloured));
            out.flush();
            if (json != null) {
                Files.writeString(json, JsonReport.write(report));
            }
            if (html != null) {
                Files.writeString(html, HtmlReport.write(report));
            }
            return report.passed() ? 0 : EXIT_EXPECTATION_FAILED;
        } catch (InvalidScenarioException invalid) {
            err.println("novasim: invalid scenario: " + invalid.getMessage());
            err.flush();
            return EXIT_INVALID_SCENARIO;
        } catch (IOException e) {
            err.println("novasim: cannot write the report: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /**
     * Runs the file while a thread of its own reads it (a long file's steps are parsed as the first ones run); a file
     * that cannot be read in one pass, or that turns out invalid, is read again the ordinary way, which reports an
     * invalid file exactly as before anything ran.
     */
    private RunReport run(ScenarioRunner.Progress progress) throws InvalidScenarioException {
        StreamedScenario streamed = StreamedScenario.open(file);
        try {
            Scenario start = streamed.head();
            if (start != null) {
                try {
                    RunReport report = ScenarioRunner.run(start, streamed, file, progress);
                    if (streamed.complete()) {
                        return report;
                    }
                } catch (StreamedScenario.NotStreamable readAgain) {
                    // below
                } catch (InvalidScenarioException failed) {
                    if (streamed.complete()) {
                        throw failed;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the scenario was read", e);
        }
        return ScenarioRunner.run(ScenarioReader.read(file), file, progress);
    }

    /**
     * A line on the terminal that counts steps, rewritten in place, at most every tenth of a second, once a run has
     * done {@value #PROGRESS_FROM_STEPS} steps (a shorter one ends before it would be read).
     */
    private static final class ProgressLine implements ScenarioRunner.Progress {
        private final PrintWriter err;
        private long shownAt;
        private boolean shown;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void stepDone(int done, int total) {
            if (done < PROGRESS_FROM_STEPS && !shown) {
                return;
            }
            long now = System.nanoTime();
            if (done == total || now - shownAt > 100_000_000L) {
                shownAt = now;
                shown = true;
                err.print("\rstep " + done + (total < 0 ? "" : " of " + total)
                        + (done == total ? "\r\u001B[K" : ""));
                err.flush();
            }
        }
    }
}
