package io.novasim.junit5.sweep;

import io.novasim.NovaSimulator;
import io.novasim.SimulatorControl;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.log.SimEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One simulator that runs a sweep's runs one after another, reset before each. A run goes on a thread of its own, so
 * that one that hangs can be given up: its simulator is then closed under it and the lane starts a new one.
 */
final class SweepLane implements AutoCloseable {
    private final NovaSimulator.Builder builder;
    private NovaSimulator simulator;

    SweepLane(NovaSimulator.Builder builder) {
        this.builder = builder;
        this.simulator = started(builder);
    }

    /**
     * What one run did.
     *
     * @param firedAt the number of the call the run's rule fired on, 0 when it never fired
     */
    record Attempt(String failure, List<SweepCall> calls, int firedAt, List<String> transcript) {
    }

    /** Where the code under test began: the journal's and the event log's sizes after the setup. */
    private record Mark(int requests, int events) {
    }

    /**
     * Resets the simulator, makes the setup, adds the rule (none for the run without faults) and runs the body.
     */
    <T> Attempt attempt(FaultSweep.Setup<T> setup, FaultSweep.GivenBody<T> body, FaultRule rule, Duration timeout) {
        NovaSimulator sim = simulator;
        SimulatorControl control = sim.control();
        control.reset();
        AtomicReference<Mark> mark = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Throwable> setupFailed = new AtomicReference<>();
        // The setup and the body share a thread: clients such as openstack4j keep their session per thread.
        Thread run = new Thread(() -> {
            T given;
            try {
                given = setup.prepare(sim);
            } catch (Throwable e) {
                setupFailed.set(e);
                return;
            }
            mark.set(new Mark(control.requests().size(), control.events().size()));
            if (rule != null) {
                control.addFault(rule);
            }
            try {
                body.run(sim, given);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "novasim-sweep-run");
        run.setDaemon(true);
        run.start();
        boolean finished = join(run, timeout);
        if (!finished) {
            // Closing the simulator makes the run's client calls fail, so its thread ends; the engine stays readable.
            run.interrupt();
            simulator.close();
            simulator = started(builder);
        }
        if (setupFailed.get() != null && finished) {
            throw new IllegalStateException("novasim fault sweep: the setup failed; it gets no fault, so it fails "
                    + "without one: " + describe(setupFailed.get()), setupFailed.get());
        }
        Mark at = mark.get() != null ? mark.get() : new Mark(control.requests().size(), control.events().size());
        List<SimEvent> events = control.events();
        List<SimEvent> since = events.subList(Math.min(at.events(), events.size()), events.size());
        List<SweepCall> calls = new ArrayList<>();
        int firedAt = 0;
        for (SimEvent event : since) {
            if (event instanceof SimEvent.MatchableCall call) {
                calls.add(new SweepCall(calls.size() + 1, call.target()));
            } else if (rule != null && event instanceof SimEvent.FaultFired fired
                    && fired.fault().ruleId().equals(rule.id())) {
                firedAt = calls.size(); // the engine reports a call, then the fault that fired on it
            }
        }
        String failure = !finished ? "the run did not finish within " + timeout.toMillis() + " ms of wall-clock time "
                + "(its simulator was closed under it)" : thrown.get() == null ? null : describe(thrown.get());
        return new Attempt(failure, calls, firedAt,
                SweepTranscript.of(control.requests(), at.requests(), since));
    }

    private static boolean join(Thread run, Duration timeout) {
        try {
            run.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("novasim fault sweep: interrupted", e);
        }
        return !run.isAlive();
    }

    /** An assertion's message as it is; any other exception with its type, as a test report shows it. */
    private static String describe(Throwable e) {
        if (e instanceof AssertionError && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.toString();
    }

    private static NovaSimulator started(NovaSimulator.Builder builder) {
        NovaSimulator simulator = builder.build();
        try {
            return simulator.start();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
