package io.novasim.junit5.sweep;

import java.util.List;
import java.util.Objects;

/**
 * One run of a sweep: the code under test with exactly one fault injected into one of its calls, and how it went.
 *
 * @param point      the call and the fault kind
 * @param call       the call, as the run without faults made it
 * @param outcome    whether the code under test passed
 * @param failure    for a failed run, the assertion message (or the exception) that ended it; else null
 * @param transcript the requests of the run and their answers, oldest first, the fault marked where it fired
 */
public record SweepRun(SweepPoint point, SweepCall call, Outcome outcome, String failure, List<String> transcript) {
    public SweepRun {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(outcome, "outcome");
        transcript = List.copyOf(transcript);
    }

    /** How a run went. */
    public enum Outcome {
        /** The fault fired at its call and the code under test passed. */
        PASSED,
        /** The fault fired at its call and the code under test failed or threw. */
        FAILED,
        /**
         * The fault never fired: the run made other calls than the run without faults did before reaching it. The
         * code under test is not deterministic (it reads the wall clock, a random source, or shared state).
         */
        NOT_REACHED
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
