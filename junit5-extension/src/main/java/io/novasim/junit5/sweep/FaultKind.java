package io.novasim.junit5.sweep;

import io.novasim.state.faults.FaultEffect;

import java.time.Duration;
import java.util.Locale;

/**
 * The faults a {@link FaultSweep} injects, one at a time, into each call the code under test made: the API errors
 * Nova answers, an asynchronous completion that fails, a task that hangs, and work that takes longer than a client
 * usually waits.
 */
public enum FaultKind {
    /** The call is refused with Nova's 409 {@code conflictingRequest}, as when the server is busy; nothing happens. */
    CONFLICT_409("409 conflictingRequest"),
    /** The call is refused with Nova's 500 {@code computeFault}; nothing happens. */
    COMPUTE_FAULT_500("500 computeFault"),
    /** The call is refused with a 503 {@code serviceUnavailable} in the dialect's error body; nothing happens. */
    UNAVAILABLE_503("503 serviceUnavailable"),
    /**
     * The call is accepted (202) and its asynchronous work fails: a detach leaves the attachment in place, an attach
     * goes away, a build ends in ERROR. A synchronous call (an interface attach) answers Nova's 500 instead.
     */
    FAILED_COMPLETION("failed completion"),
    /**
     * The call is accepted and its work hangs in its task_state (a detach in {@code detaching}) until
     * {@link FaultSweep#stuckFor(Duration) released} after a bound of virtual time.
     */
    STUCK_TASK("stuck task_state"),
    /** The call is accepted and its work takes {@link FaultSweep#delay(Duration) longer} than a client usually waits. */
    LONG_DELAY("long delay");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** How the sweep's table names this kind, e.g. {@code 409 conflictingRequest}. */
    public String label() {
        return label;
    }

    /** The kind a sweep coordinate names, in any case and with {@code -} for {@code _}: {@code failed-completion}. */
    static FaultKind named(String name) {
        String wanted = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (FaultKind kind : values()) {
            if (kind.name().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown fault kind '" + name + "'; the kinds are "
                + java.util.Arrays.toString(values()));
    }

    /** The effect of this kind on call {@code call} of a sweep with these bounds. */
    FaultEffect effect(int call, Duration stuckFor, Duration delay) {
        String what = "novasim fault sweep: " + label + " injected at call " + call;
        return switch (this) {
            case CONFLICT_409 -> new FaultEffect.Error(409, "conflictingRequest", what);
            case COMPUTE_FAULT_500 -> FaultEffect.Error.computeFault(what);
            case UNAVAILABLE_503 -> FaultEffect.Error.serviceUnavailable(what);
            case FAILED_COMPLETION -> new FaultEffect.FailCompletion(500, what);
            case STUCK_TASK -> new FaultEffect.Stuck(null, stuckFor);
            case LONG_DELAY -> new FaultEffect.Delay(delay);
        };
    }
}
