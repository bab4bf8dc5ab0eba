package io.novasim.state.log;

import io.novasim.model.server.PowerState;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FaultTarget;
import io.novasim.state.faults.FiredFault;

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

    /**
     * A port, volume, volume attachment or media attachment changed: {@code kind} names which, {@code state} says
     * what it is now ({@code "deleted"} once gone).
     */
    record ResourceChanged(Instant at, String kind, String id, String state) implements SimEvent {
    }

    /**
     * An accepted call that a fault rule can match was checked against the fault plan, whether or not a rule fired:
     * the calls a fault sweep injects its faults into, in the order they came.
     */
    record MatchableCall(Instant at, String requestId, FaultTarget target) implements SimEvent {
    }

    /** A fault rule fired on a call. */
    record FaultFired(Instant at, FiredFault fault) implements SimEvent {
    }

    /** The fault plan changed: a rule was added ({@code removedId} null) or removed ({@code added} null). */
    record FaultPlanChanged(Instant at, FaultRule added, String removedId) implements SimEvent {
    }

    /** Work held by a {@code Stuck} fault was let go. */
    record StuckReleased(Instant at, String serverId) implements SimEvent {
    }
}
