package io.novasim.junit5.sweep;

import java.util.Objects;

/**
 * The coordinates of one run of a sweep: which call of the code under test got which fault. A failing run prints
 * them, and {@link FaultSweep#only(int, FaultKind)} or {@code -Dnovasim.sweep.only=2:FAILED_COMPLETION} runs it
 * alone, the same way again.
 *
 * @param call the call's number among the matchable calls of the run without faults, from 1
 * @param kind the fault injected into it
 */
public record SweepPoint(int call, FaultKind kind) {
    public SweepPoint {
        Objects.requireNonNull(kind, "kind");
        if (call < 1) {
            throw new IllegalArgumentException("calls are numbered from 1: " + call);
        }
    }

    /**
     * Coordinates as {@link #toString()} writes them, {@code CALL:KIND}, e.g. {@code 2:FAILED_COMPLETION} (the kind
     * in any case, with {@code -} or {@code _}).
     *
     * @param text the coordinates
     * @return the point
     * @throws IllegalArgumentException naming what is wrong and what is accepted
     */
    public static SweepPoint parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("sweep coordinates are CALL:KIND, e.g. 2:FAILED_COMPLETION, not '"
                    + text + "'");
        }
        int call;
        try {
            call = Integer.parseInt(text.substring(0, colon).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sweep coordinates are CALL:KIND with CALL a call number from 1, not '"
                    + text + "'");
        }
        return new SweepPoint(call, FaultKind.named(text.substring(colon + 1)));
    }

    /** {@code CALL:KIND}, the form {@link #parse(String)} reads. */
    @Override
    public String toString() {
        return call + ":" + kind.name();
    }
}
