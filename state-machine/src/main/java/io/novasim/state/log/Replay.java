package io.novasim.state.log;

import io.novasim.model.error.ComputeException;
import io.novasim.state.Cloud;

import java.util.List;

/**
 * Re-runs the commands and fault-plan changes of a recorded history on a fresh {@link Cloud}: with the same seed,
 * catalog and timings it reaches the same state and records the same history, refusals and fired faults included.
 */
public final class Replay {
    private Replay() {
    }

    public static void onto(Cloud target, List<SimEvent> history) {
        for (SimEvent event : history) {
            if (event.at().isAfter(target.now()) && (event instanceof SimEvent.Executed
                    || event instanceof SimEvent.FaultPlanChanged || event instanceof SimEvent.StuckReleased)) {
                target.advanceTo(event.at());
            }
            if (event instanceof SimEvent.FaultPlanChanged change) {
                if (change.added() != null) {
                    target.addFault(change.added());
                } else {
                    target.removeFault(change.removedId());
                }
            } else if (event instanceof SimEvent.StuckReleased released) {
                target.release(released.serverId());
            } else if (event instanceof SimEvent.Executed executed) {
                try {
                    target.execute(executed.caller(), executed.command(), executed.requestId());
                } catch (ComputeException refusedAgain) {
                    // The history says whether it was refused; comparing histories tells whether replay agreed.
                }
            }
        }
        target.forgetAnswerEffects();
    }
}
