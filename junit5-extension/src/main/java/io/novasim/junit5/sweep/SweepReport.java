package io.novasim.junit5.sweep;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link FaultSweep} found: the matchable calls the code under test made without faults, and for each run
 * (call, fault kind) whether it passed. {@link #toString()} is the table, then each failure with its coordinates, its
 * message and its transcript.
 *
 * @param calls   the matchable calls of the run without faults, in order
 * @param runs    the runs, by call and then by kind
 * @param leftOut how many (call, kind) pairs the sweep's narrowing allowed but {@link FaultSweep#maxRuns(int)} left out
 */
public record SweepReport(List<SweepCall> calls, List<SweepRun> runs, int leftOut) {
    public SweepReport {
        calls = List.copyOf(calls);
        runs = List.copyOf(runs);
    }

    /** The runs that did not pass: failed, or whose fault was never reached. */
    public List<SweepRun> failures() {
        return runs.stream().filter(run -> !run.passed()).toList();
    }

    /** The fault kinds at which at least one run did not pass. */
    public Set<FaultKind> failedKinds() {
        Set<FaultKind> kinds = EnumSet.noneOf(FaultKind.class);
        failures().forEach(run -> kinds.add(run.point().kind()));
        return kinds;
    }

    /** The run at these coordinates, if the sweep made it. */
    public Optional<SweepRun> run(int call, FaultKind kind) {
        SweepPoint point = new SweepPoint(call, kind);
        return runs.stream().filter(run -> run.point().equals(point)).findFirst();
    }

    /**
     * Passes when every run passed; otherwise fails with the whole report, so the failure says which call and fault
     * broke the code under test, why, and how to run that case alone.
     *
     * @throws AssertionError when a run failed or its fault was never reached
     */
    public void assertAllPassed() {
        if (!failures().isEmpty()) {
            throw new AssertionError(toString());
        }
    }

    /** The table: one row per run, with its call number, operation, target, fault kind and outcome. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("novasim fault sweep: %d matchable call%s, %d run%s: %d passed, %d failed",
                calls.size(), calls.size() == 1 ? "" : "s", runs.size(), runs.size() == 1 ? "" : "s",
                runs.size() - failures().size(), failures().size()));
        if (leftOut > 0) {
            out.append(String.format(" (%d more left out by maxRuns)", leftOut));
        }
        out.append('\n');
        int operationWidth = Math.max("operation".length(),
                runs.stream().mapToInt(run -> run.call().operation().name().length()).max().orElse(0));
        int kindWidth = Math.max("fault".length(),
                runs.stream().mapToInt(run -> run.point().kind().label().length()).max().orElse(0));
        String row = "%4s  %-" + operationWidth + "s  %-" + kindWidth + "s  %-11s  %s%n";
        out.append(String.format(row, "call", "operation", "fault", "result", "target"));
        for (SweepRun run : runs) {
            out.append(String.format(row, run.point().call(), run.call().operation().name(),
                    run.point().kind().label(), run.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    run.call().describeTarget()));
        }
        return out.toString();
    }

    /** The table, then every run that did not pass: coordinates, message, how to rerun it, and its transcript. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(table());
        for (SweepRun run : failures()) {
            out.append('\n').append("call ").append(run.point().call()).append(' ')
                    .append(run.call().operation().name()).append(" with ").append(run.point().kind().label())
                    .append(": ").append(run.outcome() == SweepRun.Outcome.NOT_REACHED ? "not reached" : "failed")
                    .append('\n');
            if (run.failure() != null) {
                run.failure().lines().forEach(line -> out.append("  ").append(line).append('\n'));
            }
            out.append("  rerun alone: FaultSweep.only(").append(run.point().call()).append(", FaultKind.")
                    .append(run.point().kind().name()).append("), or -D").append(FaultSweep.ONLY_PROPERTY).append('=')
                    .append(run.point()).append('\n');
            out.append("  transcript:\n");
            run.transcript().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        return out.toString();
    }
}
