package io.novasim.state.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate limit: each project may make {@code calls} of the calls a rule matches in any {@code per} of virtual time;
 * the rule fires on the calls over it. Per operation is the rule's match (its operations); per project is this.
 *
 * @param calls how many calls a project may make in a {@code per}; at least 1
 * @param per   the sliding span of virtual time they are counted over; positive
 */
public record Rate(int calls, Duration per) {
    public Rate {
        Objects.requireNonNull(per, "per");
        if (calls < 1) {
            throw new IllegalArgumentException("a rate allows at least 1 call, not " + calls);
        }
        if (per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate's span must be positive, not " + per);
        }
    }
}
