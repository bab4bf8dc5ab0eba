package io.novasim;

import io.novasim.http.RecordedRequest;
import io.novasim.model.server.Server;
import io.novasim.state.CloudState;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.log.SimEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything a test, a scenario or the control plane can do to a running simulator. The HTTP control routes, the CLI
 * and the JUnit extension are thin layers over this one interface.
 */
public interface SimulatorControl {
    /** Back to the starting world: no servers, no tokens (but the control token), empty journal and event log. */
    void reset();

    Instant now();

    /** Moves virtual time forward, completing the work that falls due. */
    void advance(Duration by);

    /** Advances time until no work is queued; returns how far it went. */
    Duration runUntilIdle();

    void addFault(FaultRule rule);

    boolean removeFault(String ruleId);

    List<FaultRule> faultRules();

    List<FiredFault> firedFaults();

    /** Lets go of a server's work that a Stuck fault holds; returns how many pieces resumed. */
    int release(String serverId);

    /** Forces a server into vm_state active or error with no task, as an admin's os-resetState does. */
    Server forceState(String serverId, String vmState);

    /**
     * The whole simulated cloud as JSON: its seed and the history that built it. Restoring it (here or in another
     * simulator with the same settings) rebuilds the same state, generated ids included.
     */
    String snapshot();

    /** Rebuilds the state a {@link #snapshot()} recorded; tokens stay valid. */
    void restore(String snapshot);

    /** Every server, volume, port and attachment, as plain values. */
    CloudState state();

    /** The newest requests received, oldest first (bounded). */
    List<RecordedRequest> requests();

    /** The newest events of the engine, oldest first (bounded). */
    List<SimEvent> events();
}
