package io.novasim.state.faults;

import java.util.Objects;

/** A rule of the fault plan: which calls, what happens to them, and when it fires. */
public record FaultRule(String id, FaultMatch match, FaultEffect effect, Trigger trigger) {
    public FaultRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(trigger, "trigger");
    }
}
