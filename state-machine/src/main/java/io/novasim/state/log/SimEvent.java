package io.novasim.state.log;

import io.novasim.model.server.PowerState;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;

import java.time.Instant;

/** What the engine reports, in the order it happens. A run's history is its list of events. */
public sealed interface SimEvent {
    Instant at();

    /**
     * A command the engine took in, accepted or refused. With the time it ran at, this is enough to replay a run.
     *
     * @param refusal {@code null} when accepted, else {@code "<code> <faultName>: <message>"}
     */
    record Executed(Instant at, Caller caller, Command command, String requestId, String refusal)
            implements SimEvent {
        public boolean accepted() {
            return refusal == null;
        }
    }

    /** A server's state fields changed (including its creation). */
    record ServerChanged(Instant at, String serverId, VmState vmState, TaskState taskState, PowerState powerState)
            implements SimEvent {
    }

    /** Asynchronous work ended; {@code error} says why it failed, or is {@code null}. */
    record WorkFinished(Instant at, String serverId, String requestId, String event, String error)
            implements SimEvent {
    }

    /** A deleted server is gone. */
    record ServerRemoved(Instant at, String serverId) implements SimEvent {
    }
}
