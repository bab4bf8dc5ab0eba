package io.novasim.state.faults;

import io.novasim.state.rules.Operation;

import java.time.Instant;

/**
 * A record that a rule fired: when, on which call, and with what effect.
 *
 * @param operation     Nova's operation, or null for a call of another service
 * @param operationName the operation's name in the rule language ({@code detach_volume}, {@code get_volume})
 * @param service       the service whose call it fired on, or null for an override (which answers a route, whatever
 *                      its service)
 */
public record FiredFault(Instant at, String ruleId, Operation operation, String requestId, String serverId,
                         FaultEffect effect, String operationName, Service service) {
    /** A rule fired on a call of Nova's. */
    public FiredFault(Instant at, String ruleId, Operation operation, String requestId, String serverId,
                      FaultEffect effect) {
        this(at, ruleId, operation, requestId, serverId, effect,
                operation.name().toLowerCase(java.util.Locale.ROOT), Service.COMPUTE);
    }
}
