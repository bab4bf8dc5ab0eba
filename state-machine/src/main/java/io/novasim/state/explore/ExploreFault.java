package io.novasim.state.explore;

import io.novasim.state.faults.FaultEffect;

import java.time.Duration;
import java.util.Locale;

/**
 * A fault an exploration injects into one call, named as the control plane names fault effects.
 */
public enum ExploreFault {
    /** The call is refused with a 503; nothing changes. */
    ERROR,
    /** The call is accepted and its asynchronous work fails. */
    FAIL,
    /** The call is accepted and its work hangs until released (a {@code release} step). */
    STUCK,
    /** The call is accepted and its work ends an hour late: long after any other work. */
    DELAY;

    /** Its name on the command line and in labels: {@code fail}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The effect of the fault rule that injects it. */
    public FaultEffect effect() {
        return switch (this) {
            case ERROR -> FaultEffect.Error.serviceUnavailable("explore: the service is unavailable");
            case FAIL -> new FaultEffect.FailCompletion(500, "explore: the work failed");
            case STUCK -> new FaultEffect.Stuck(null, null);
            case DELAY -> new FaultEffect.Delay(Duration.ofHours(1));
        };
    }
}
