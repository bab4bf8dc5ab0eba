package io.novasim.junit5.sweep;

import io.novasim.state.faults.FaultTarget;
import io.novasim.state.rules.Operation;

import java.util.StringJoiner;

/**
 * A call the code under test made, in its run without faults, that a fault rule can match: an accepted create,
 * action, attach or detach.
 *
 * @param number its place among the run's matchable calls, from 1
 * @param target the operation and what it acted on
 */
public record SweepCall(int number, FaultTarget target) {

    /** The call's operation, e.g. {@link Operation#DETACH_VOLUME}. */
    public Operation operation() {
        return target.operation();
    }

    /** What the call acted on, e.g. {@code server db (2f4e...) volume 6c1d...}. */
    public String describeTarget() {
        StringJoiner parts = new StringJoiner(" ");
        if (target.serverName() != null || target.serverId() != null) {
            parts.add("server " + (target.serverName() == null ? target.serverId()
                    : target.serverName() + (target.serverId() == null ? "" : " (" + target.serverId() + ")")));
        }
        if (target.portId() != null) {
            parts.add("port " + target.portId());
        }
        if (target.volumeId() != null) {
            parts.add("volume " + target.volumeId());
        }
        if (target.imageId() != null) {
            parts.add("image " + target.imageId());
        }
        return parts.toString();
    }
}
