package io.novasim.state.log;

import io.novasim.model.error.ComputeException;
import io.novasim.state.Cloud;

import java.util.List;

/**
 * Re-runs the commands of a recorded history on a fresh {@link Cloud}: with the same seed, catalog and timings it
 * reaches the same state and records the same history, refusals included.
 */
public final class Replay {
    private Replay() {
    }

    public static void onto(Cloud target, List<SimEvent> history) {
        for (SimEvent event : history) {
            if (event instanceof SimEvent.Executed executed) {
                if (executed.at().isAfter(target.now())) {
                    target.advanceTo(executed.at());
                }
                try {
                    target.execute(executed.caller(), executed.command());
                } catch (ComputeException refusedAgain) {
                    // The history says whether it was refused; comparing histories tells whether replay agreed.
                }
            }
        }
    }
}
