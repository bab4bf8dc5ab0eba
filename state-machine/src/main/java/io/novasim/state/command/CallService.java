package io.novasim.state.command;

import io.novasim.state.faults.Service;

import java.util.Objects;

/**
 * A call of Keystone's, Neutron's, Cinder's or Glance's API, put to the fault plan before its route runs: the service
 * may be down, or a rule on the operation may answer, slow or lose it. A command, so that a snapshot's replay counts
 * and draws as the run did.
 *
 * @param operation     the operation's name ({@code get_volume}), or null for a route novasim does not simulate
 * @param authenticated whether the call carried a valid token: only then do rules on its operation look at it (the
 *                      caller's project is the token's), but for Keystone's, whose token calls carry none
 */
public record CallService(Service service, String operation, boolean authenticated) implements Command {
    public CallService {
        Objects.requireNonNull(service, "service");
        if (service == Service.COMPUTE) {
            throw new IllegalArgumentException("Nova's calls are commands of their own");
        }
    }

    @Override
    public String serverId() {
        return null;
    }
}
