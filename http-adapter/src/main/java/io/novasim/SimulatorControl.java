package io.novasim;

import io.novasim.model.server.Server;
import io.novasim.state.CloudState;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.log.SimEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything a test, a scenario or the control plane can do to a simulator: move its virtual clock, script faults,
 * reset, snapshot and restore it, read its state and the requests it received. The HTTP control routes
 * ({@code /__sim/v1}), the CLI and the JUnit extension are thin layers over this one interface, the same whether the
 * simulator is also served over HTTP or only answers in memory. Its methods are safe to call from any thread.
 */
public interface SimulatorControl {
    /**
     * Back to the starting world: the setup's volumes but no servers, no tokens (but the control token), no fault
     * rules, an empty journal (with nothing pending for {@link #takeRequest()}) and event log, the clock at its start.
     */
    void reset();

    /**
     * The simulator's virtual time (brought up to date first when the clock follows the wall clock).
     *
     * @return the current virtual instant
     */
    Instant now();

    /**
     * Moves virtual time forward, completing the work that falls due on the way (BUILD becoming ACTIVE, a detach
     * finishing, ...). This is how a test waits, without sleeping.
     *
     * @param by how far to move; not negative
     */
    void advance(Duration by);

    /**
     * Stops virtual time following the wall clock, in the {@link ClockMode.Wall wall} mode: from now on it moves only
     * when told, until {@link #resumeClock()}. Nothing when it does not follow.
     */
    void pauseClock();

    /**
     * Lets virtual time follow the wall clock again, at the wall mode's speed, from where it stands now (the time it
     * stood still is not made up).
     *
     * @throws IllegalStateException when the clock's mode is not {@link ClockMode.Wall wall}
     */
    void resumeClock();

    /**
     * Whether virtual time follows the wall clock now: the simulator has a clock speed, and its clock is not paused.
     *
     * @return true while it follows
     */
    boolean clockFollowing();

    /**
     * How virtual time moves now.
     *
     * @return the clock's mode
     */
    ClockMode clockMode();

    /**
     * Changes how virtual time moves, from now on: the clock goes on from where it is. A {@link #reset()} goes back to
     * the mode the simulator started with.
     *
     * @param mode {@link ClockMode#manual()}, {@link ClockMode#wall(double)} or {@link ClockMode#client(Duration)}
     */
    void clock(ClockMode mode);

    /**
     * Advances time until no work is queued (work held by a Stuck fault stays held).
     *
     * @return how far virtual time went
     */
    Duration runUntilIdle();

    /**
     * Adds a fault rule: from now on, calls it matches fail, are delayed or get stuck as it says.
     *
     * @param rule the rule
     */
    void addFault(FaultRule rule);

    /**
     * Adds the fault rule a builder writes: {@code addFault(FaultRule.named("busy-disk")
     * .on(Operation.DETACH_VOLUME).failingTheWork(500, "device is busy").forTheNextCalls(1))}.
     *
     * @param rule the rule, as a sentence
     */
    default void addFault(io.novasim.state.faults.FaultRuleBuilder rule) {
        addFault(rule.build());
    }

    /**
     * Removes a fault rule.
     *
     * @param ruleId the rule's id
     * @return whether there was such a rule
     */
    boolean removeFault(String ruleId);

    /**
     * The fault rules in force, in the order they were added.
     *
     * @return a copy of the rules
     */
    List<FaultRule> faultRules();

    /**
     * The faults that fired so far, oldest first: which rule, on which call, when.
     *
     * @return a copy of the fired faults
     */
    List<FiredFault> firedFaults();

    /**
     * Lets go of a server's work that a Stuck fault holds.
     *
     * @param serverId the server's id
     * @return how many pieces of work resumed
     */
    int release(String serverId);

    /**
     * Forces a server into vm_state active or error with no task, as an admin's os-resetState does.
     *
     * @param serverId the server's id
     * @param vmState  {@code active} or {@code error}
     * @return the server after the change
     * @throws IllegalArgumentException for another state
     */
    Server forceState(String serverId, String vmState);

    /**
     * The whole simulated cloud as JSON: its seed and the history that built it. Restoring it (here or in another
     * simulator with the same settings) rebuilds the same state, generated ids included.
     *
     * @return the snapshot, a JSON document
     */
    String snapshot();

    /**
     * Rebuilds the state a {@link #snapshot()} recorded; tokens and the journal stay.
     *
     * @param snapshot what {@link #snapshot()} returned
     */
    void restore(String snapshot);

    /**
     * Every server, volume, port and attachment, as plain values.
     *
     * @return an immutable view of the state now
     */
    CloudState state();

    /**
     * The newest requests received, oldest first (bounded by the builder's {@code journalCapacity}). Reading them
     * does not affect {@link #takeRequest()}.
     *
     * @return a copy of the journal
     */
    List<RecordedRequest> requests();

    /**
     * Checks how many journaled requests match a pattern, as WireMock's {@code verify} does:
     * {@code verify(RequestCount.exactly(2), RequestPattern.requests("DELETE", "/v2.1/servers/.*"))}.
     *
     * @param count   how many must match
     * @param pattern which requests count
     * @throws AssertionError when the count is not met, naming those that matched and the near misses
     */
    default void verify(RequestCount count, RequestPattern pattern) {
        count.verify(requests(), pattern);
    }

    /**
     * The next request the simulator received that no earlier {@code takeRequest} returned, in arrival order, waiting
     * for one as long as it takes (as MockWebServer's). A request is journaled before its answer is sent, so after a
     * client call returns, its request is there. When the consumer fell behind the bounded journal, this returns the
     * oldest request still kept. {@link #reset()} forgets the pending ones. Prefer the timed variant in tests.
     *
     * @return the next request, never null
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    RecordedRequest takeRequest() throws InterruptedException;

    /**
     * As {@link #takeRequest()}, waiting at most {@code timeout} (wall-clock time).
     *
     * @param timeout how long to wait; 0 to only look
     * @param unit    the unit of {@code timeout}
     * @return the next request, or null when none came in time
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * The newest events of the engine, oldest first (bounded by the builder's {@code eventLogCapacity}).
     *
     * @return a copy of the event log
     */
    List<SimEvent> events();
}
