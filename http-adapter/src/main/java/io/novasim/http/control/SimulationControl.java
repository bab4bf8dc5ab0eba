package io.novasim.http.control;

import io.novasim.CloudSetup;
import io.novasim.SimulatorControl;
import io.novasim.http.RecordedRequest;
import io.novasim.http.Simulation;
import io.novasim.model.server.Server;
import io.novasim.state.CloudState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Perform;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The one implementation of {@link SimulatorControl}, over the running simulation. */
@Singleton
public final class SimulationControl implements SimulatorControl {
    private static final Caller OPERATOR = new Caller("novasim-control", CloudSetup.ADMIN_PROJECT, true);

    private final Simulation simulation;

    @Inject
    public SimulationControl(Simulation simulation) {
        this.simulation = simulation;
    }

    @Override
    public void reset() {
        simulation.reset();
    }

    @Override
    public Instant now() {
        return simulation.now();
    }

    @Override
    public void advance(Duration by) {
        simulation.cloud().advance(by);
    }

    @Override
    public Duration runUntilIdle() {
        return simulation.cloud().runUntilIdle();
    }

    @Override
    public void addFault(FaultRule rule) {
        simulation.cloud().addFault(rule);
    }

    @Override
    public boolean removeFault(String ruleId) {
        return simulation.cloud().removeFault(ruleId);
    }

    @Override
    public List<FaultRule> faultRules() {
        return simulation.cloud().faultRules();
    }

    @Override
    public List<FiredFault> firedFaults() {
        return simulation.cloud().firedFaults();
    }

    @Override
    public int release(String serverId) {
        return simulation.cloud().release(serverId);
    }

    @Override
    public Server forceState(String serverId, String vmState) {
        Operation reset = switch (vmState) {
            case "active" -> Operation.RESET_STATE_ACTIVE;
            case "error" -> Operation.RESET_STATE_ERROR;
            default -> throw new IllegalArgumentException("a server can be forced to active or error, not "
                    + vmState);
        };
        return simulation.cloud().execute(OPERATOR, new Perform(serverId, reset)).server();
    }

    @Override
    public String snapshot() {
        return io.novasim.http.support.Json.write(Snapshots.take(simulation));
    }

    @Override
    public void restore(String snapshot) {
        Snapshots.restore(simulation, io.novasim.http.support.Json.parse(snapshot));
    }

    @Override
    public CloudState state() {
        return simulation.cloud().state();
    }

    @Override
    public List<RecordedRequest> requests() {
        return simulation.journal().requests();
    }

    @Override
    public RecordedRequest takeRequest() throws InterruptedException {
        return simulation.journal().take();
    }

    @Override
    public RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
        return simulation.journal().take(timeout, unit);
    }

    @Override
    public List<SimEvent> events() {
        return simulation.log().events();
    }
}
