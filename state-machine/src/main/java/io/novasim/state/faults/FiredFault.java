package io.novasim.state.faults;

import io.novasim.state.rules.Operation;

import java.time.Instant;

/** A record that a rule fired: when, on which call, and with what effect. */
public record FiredFault(Instant at, String ruleId, Operation operation, String requestId, String serverId,
                         FaultEffect effect) {
}
