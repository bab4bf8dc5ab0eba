package io.novasim.http;

import io.novasim.CloudSetup;
import io.novasim.RecordedRequest;
import io.novasim.SimulatorControl;
import io.novasim.SimulatorSettings;
import io.novasim.http.control.Snapshots;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Microversion;
import io.novasim.http.support.Refusals;
import io.novasim.http.support.Requests;
import io.novasim.http.identity.Tokens;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.Server;
import io.novasim.state.Cloud;
import io.novasim.state.CloudState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.Perform;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.VirtualClock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The running simulation behind the APIs, and its control: the engine (which owns every piece of simulated state),
 * the identity tokens, the event log and the request journal. A reset builds a fresh engine from the same settings.
 * When the clock follows the wall clock, every request first brings virtual time up to date: the only place the
 * adapter reads the wall clock.
 */
@Singleton
public final class Simulation implements SimulatorControl {
    /** Who the control plane acts and reads as (a forced state, a server's gates): an admin of the admin project. */
    public static final Caller OPERATOR = new Caller("novasim-control", CloudSetup.ADMIN_PROJECT, true);
    /** The one compute host of the simulated cloud: servers' host, ports' binding host. */
    public static final String COMPUTE_HOST = io.novasim.model.catalog.ComputeHost.DEFAULT.name();

    /** Every refusal, with the rule that fired: {@code serve} shows them at INFO. */
    private static final org.slf4j.Logger REFUSALS = org.slf4j.LoggerFactory.getLogger("io.novasim.refusals");

    private final SimulatorSettings settings;
    private final Tokens tokens;
    private final RequestJournal journal;
    private final NovaCalls novaCalls = new NovaCalls();
    private volatile Cloud cloud;
    private volatile EventLog log;
    /** How virtual time follows the wall clock: swapped whole, so that a request never sees half of a change. */
    private volatile WallClock wall = new WallClock(0, Instant.EPOCH, true);
    private volatile Instant began;
    /** How virtual time moves: the settings' mode until it is changed, and again after a reset. */
    private volatile io.novasim.ClockMode clock;
    /** Who follows the simulation live (the console's event streams): told every event, and every engine swap. */
    private final List<Follower> followers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Inject
    public Simulation(SimulatorSettings settings) {
        this.settings = settings;
        this.tokens = new Tokens(settings.seed(), settings.tokenLifetime());
        this.journal = new RequestJournal(settings.journalCapacity());
        this.clock = settings.clock();
        reset();
    }

    /**
     * Back to the starting world (the setup's, or the settings' snapshot): a fresh engine, no tokens but the control
     * token, an empty journal and log.
     */
    @Override
    public synchronized void reset() {
        if (clock != settings.clock()) {
            clock = settings.clock();
            followers.forEach(Follower::clockChanged);
        }
        EventLog newLog = new EventLog(settings.eventLogCapacity());
        Cloud fresh = bareCloud(newLog);
        for (CloudSetup.VolumeSeed volume : settings.setup().volumes()) {
            Caller owner = new Caller("novasim", volume.projectId(), false);
            fresh.execute(owner, new CreateVolume(volume.name(), volume.sizeGb(), volume.multiattach(),
                    volume.bootable()));
        }
        fresh.runUntilIdle();
        began = fresh.now();
        install(fresh, newLog, true);
        if (settings.snapshot() != null) {
            restore(settings.snapshot()); // the world this simulator started from
        }
    }

    /**
     * The virtual time the current world began at: after the last reset and the setup's own work (its volumes take
     * a moment to become available), so later than the settings' start when there is such work.
     */
    public Instant began() {
        return began;
    }

    /**
     * Rebuilds the engine from a recorded history (the preloaded volumes' commands included): with the same settings
     * it reaches the state the history was recorded in, at virtual time {@code now}, and draws its next request id
     * after the {@code requestIdsDrawn} the recorded engine had drawn (0 to start them over).
     */
    public synchronized void restore(List<SimEvent> history, Instant now, long requestIdsDrawn) {
        EventLog newLog = new EventLog(settings.eventLogCapacity());
        Cloud rebuilt = bareCloud(newLog);
        Replay.onto(rebuilt, history);
        if (now.isAfter(rebuilt.now())) {
            rebuilt.advanceTo(now);
        }
        rebuilt.fastForwardRequestIds(requestIdsDrawn);
        install(rebuilt, newLog, false);
    }

    private Cloud bareCloud(EventLog log) {
        EventListener also = settings.eventListener();
        return new Cloud(settings.setup().catalog(), new VirtualClock(settings.start()),
                new SeededIdSource(settings.seed()), settings.timings(), event -> {
                    log.on(event);
                    novaCalls.note(event);
                    also.on(event);
                    for (Follower follower : followers) {
                        follower.event(event);
                    }
                });
    }

    /**
     * Something that follows the simulation as it runs. It is told under the engine's lock, so it must only take
     * note (queue the event) and return.
     */
    public interface Follower {
        /** An event of the engine, as the event log gets it. */
        void event(SimEvent event);

        /** The engine was swapped (a reset or a restore): what was followed so far is gone. */
        void replaced();

        /** The clock stopped or resumed following the wall clock (no engine event tells it). */
        default void clockChanged() {
        }
    }

    /**
     * Tells {@code follower} of every event and engine swap from now on, until the returned handle is closed.
     *
     * @param follower who follows
     * @return closing it stops the telling
     */
    public AutoCloseable follow(Follower follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** Swaps in an engine; a reset also forgets tokens and the journal, a restore keeps them. */
    private void install(Cloud fresh, EventLog newLog, boolean forgetClients) {
        novaCalls.clear(); // the new engine draws request ids anew: what the old one noted is not theirs
        if (forgetClients) {
            tokens.clear();
            journal.clear();
        }
        if (settings.controlToken() != null) {
            tokens.register(new Token(settings.controlToken(), "novasim-control", CloudSetup.ADMIN_PROJECT,
                    Set.of("admin"), List.of("token"), Instant.MIN, Instant.MAX));
        }
        this.log = newLog;
        this.cloud = fresh;
        this.wall = new WallClock(System.nanoTime(), fresh.now(), wall.following());
        followers.forEach(Follower::replaced);
    }

    /**
     * Virtual time follows the wall clock from {@code virtualStart} at {@code wallStartNanos}, while it
     * {@code following}.
     */
    private record WallClock(long wallStartNanos, Instant virtualStart, boolean following) {
    }

    /** The engine, with virtual time brought up to date when the clock follows the wall clock. */
    public Cloud cloud() {
        Cloud current = cloud;
        // the mode first, then the wall clock: clock(mode) writes them in the other order, so a new mode is never
        // paired with the wall clock of the one before
        io.novasim.ClockMode mode = clock;
        WallClock following = wall;
        if (mode instanceof io.novasim.ClockMode.Wall pace && following.following()) {
            long elapsed = (long) ((System.nanoTime() - following.wallStartNanos()) * pace.speed());
            Instant target = following.virtualStart().plusNanos(elapsed);
            if (target.isAfter(current.now())) {
                try {
                    current.advanceTo(target);
                } catch (IllegalArgumentException raced) {
                    // another request moved the clock past the target first
                }
            }
        }
        return current;
    }

    @Override
    public Instant now() {
        return cloud().now();
    }

    @Override
    public void advance(Duration by) {
        cloud().advance(by);
        runOnFromHere();
    }

    @Override
    public Duration runUntilIdle() {
        Duration went = cloud().runUntilIdle();
        runOnFromHere();
        return went;
    }

    /** Moves the clock to when the next piece of work falls due, and completes it; how far it went (0: none due). */
    public Duration advanceToNextDue() {
        Cloud current = cloud();
        Instant before = current.now();
        current.nextDueAt().filter(due -> due.isAfter(current.now())).ifPresent(current::advanceTo);
        runOnFromHere();
        return Duration.between(before, current.now());
    }

    /**
     * After the clock was moved by hand, it follows the wall clock on from there: not from where the wall clock alone
     * would have taken it, which would hold it still until the wall clock caught up.
     */
    private synchronized void runOnFromHere() {
        if (wall.following()) {
            wall = new WallClock(System.nanoTime(), cloud.now(), true);
        }
    }

    // Pausing, resuming and running on are synchronized, as reset and restore are: a pause must not be lost to a
    // running-on that read the clock as following a moment before.
    @Override
    public synchronized void pauseClock() {
        Cloud current = cloud(); // up to date first: it stops where the wall clock had taken it
        wall = new WallClock(System.nanoTime(), current.now(), false);
        followers.forEach(Follower::clockChanged);
    }

    @Override
    public synchronized void resumeClock() {
        if (!(clock instanceof io.novasim.ClockMode.Wall)) {
            throw new IllegalStateException(Refusal.CLOCK_DOES_NOT_FOLLOW.template());
        }
        wall = new WallClock(System.nanoTime(), cloud.now(), true);
        followers.forEach(Follower::clockChanged);
    }

    @Override
    public boolean clockFollowing() {
        return clock instanceof io.novasim.ClockMode.Wall && wall.following();
    }

    @Override
    public io.novasim.ClockMode clockMode() {
        return clock;
    }

    @Override
    public synchronized void clock(io.novasim.ClockMode mode) {
        java.util.Objects.requireNonNull(mode, "mode");
        Cloud current = cloud(); // up to date first: the new mode takes over from where the old one had taken it
        wall = new WallClock(System.nanoTime(), current.now(), true);
        clock = mode; // after the wall clock it goes with (see cloud())
        followers.forEach(Follower::clockChanged);
    }

    /**
     * A request to the simulated APIs came, while the clock follows the client: it moves on by the step, and a read
     * runs the work in flight on whatever its path names (a server, a volume, a port, an image) to its end.
     */
    public void paceClock(String method, String[] segments) {
        if (!(clock instanceof io.novasim.ClockMode.Client pace)) {
            return;
        }
        Cloud current = cloud;
        if (!pace.step().isZero()) {
            current.advance(pace.step());
        }
        if (pace.settleReads() && method.equals("GET") && segments.length > 1) {
            current.runWorkOf(java.util.Arrays.asList(segments));
        }
    }

    @Override
    public void addFault(FaultRule rule) {
        io.novasim.state.faults.Service service = rule.match().service();
        for (String operation : rule.match().serviceOperations()) { // another service's; Nova's are typed
            java.util.Set<String> known = io.novasim.http.support.ApiOperations.of(service);
            if (!known.contains(operation)) {
                // as the control plane refuses it: a rule on an operation the service does not have never fires
                throw new IllegalArgumentException("fault rule " + rule.id() + ": " + service.jsonName()
                        + " has no operation " + operation + "; it has " + String.join(", ", known));
            }
        }
        cloud().addFault(rule);
    }

    @Override
    public boolean removeFault(String ruleId) {
        return cloud().removeFault(ruleId);
    }

    @Override
    public List<FaultRule> faultRules() {
        return cloud().faultRules();
    }

    @Override
    public List<FiredFault> firedFaults() {
        return cloud().firedFaults();
    }

    @Override
    public int release(String serverId) {
        return cloud().release(serverId);
    }

    @Override
    public Server forceState(String serverId, String vmState) {
        Operation reset = switch (vmState) {
            case "active" -> Operation.RESET_STATE_ACTIVE;
            case "error" -> Operation.RESET_STATE_ERROR;
            // The control plane answers this with the same text, as a 400.
            default -> throw new IllegalArgumentException(Refusal.STATE_NOT_FORCEABLE.message(vmState));
        };
        return cloud().execute(OPERATOR, new Perform(serverId, reset)).server();
    }

    @Override
    public String snapshot() {
        return io.novasim.http.support.Json.write(snapshotDocument());
    }

    /** The snapshot as a JSON value (see {@link Snapshots}). */
    public java.util.Map<String, Object> snapshotDocument() {
        return Snapshots.take(log, settings.seed(), now(), () -> cloud().requestIdsDrawn());
    }

    @Override
    public void restore(String snapshot) {
        restore(io.novasim.http.support.Json.parse(snapshot));
    }

    /** Rebuilds the state a snapshot document recorded (see {@link Snapshots}). */
    public void restore(com.fasterxml.jackson.databind.JsonNode snapshot) {
        Snapshots.Snapshot read = Snapshots.read(snapshot, settings.seed());
        restore(read.history(), read.now(), read.requestIdsDrawn());
    }

    @Override
    public CloudState state() {
        return cloud().state();
    }

    @Override
    public List<RecordedRequest> requests() {
        return journal.requests();
    }

    /** The sequence number of the newest journaled request (0 when none came yet). */
    public long lastRequest() {
        return journal.lastSequence();
    }

    /** The newest journaled requests after a sequence number: see {@link RequestJournal#newestAfter}. */
    public RequestJournal.Newest requestsAfter(long sequence, int most) {
        return journal.newestAfter(sequence, most);
    }

    @Override
    public RecordedRequest takeRequest() throws InterruptedException {
        return journal.take();
    }

    @Override
    public RecordedRequest takeRequest(long timeout, TimeUnit unit) throws InterruptedException {
        return journal.take(timeout, unit);
    }

    @Override
    public List<SimEvent> events() {
        return log.events();
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The valid, project-scoped token a request carried ({@code X-Auth-Token}), as every API but Keystone's needs. */
    public java.util.Optional<Token> authenticate(String tokenId) {
        return tokens.valid(tokenId, now()).filter(Token::scoped);
    }

    /** A fresh request id from the engine's seeded source. */
    public String newRequestId() {
        return cloud().newRequestId();
    }

    /**
     * Records an answered request in the journal (bodies only of POST and PUT), with the names of the user and
     * project of the token that sent it, and the compute microversion asked for.
     */
    public void record(Exchange exchange, String requestId, int status) {
        String body = null;
        if (exchange.streamedBytes() >= 0) {
            body = "<" + exchange.streamedBytes() + " bytes of data>";
        } else if (exchange.hasBody()) {
            body = Requests.tooLarge(exchange) ? "<" + exchange.bodyBytes().length + " bytes or more: "
                    + Requests.tooLargeError().getMessage() + ">" : exchange.body();
        }
        Token token = exchange.sentBy();
        String user = token == null ? null : setup().catalog().user(token.userId()).map(u -> u.name())
                .orElse(token.userId());
        String project = token == null ? null : setup().catalog().project(token.projectId()).map(p -> p.name())
                .orElse(token.projectId());
        String microversion = Microversion.requested(exchange.header("OpenStack-API-Version"),
                exchange.header("X-OpenStack-Nova-API-Version"));
        String refusal = Refusals.of(exchange, status);
        Refusal refusalId = refusal == null ? null : exchange.refusalId();
        Cloud current = cloud();
        FiredFault answerFault = current.takeAnswerEffect(requestId).orElse(exchange.answerFault()); // or an override
        exchange.answerFault(answerFault);
        RecordedRequest recorded = journal.record(current.now(), requestId, exchange.method(), exchange.path(),
                exchange.queryString(), body, status, user, project, microversion, refusal, refusalId,
                answerFault == null ? null : "rule " + answerFault.ruleId() + ": " + answerFault.effect().describe(),
                exchange.operation() != null ? exchange.operation() : novaCalls.take(requestId),
                JournalHeaders.of(exchange.request()));
        if (refusal != null) {
            REFUSALS.info("{} {}", status, recorded.refusalLine());
        }
    }

    /**
     * How the answer to a request goes out when a fault rule fired on it: lost to a transport fault, or slow. A slow
     * answer on virtual time moves the clock on by the length drawn (the client waited that long) and goes out at
     * once; while the clock follows the wall clock, it is held that long in real time, at the clock's speed.
     */
    public io.novasim.ApiResponse.Delivery delivery(FiredFault fault) {
        if (fault.effect() instanceof io.novasim.state.faults.FaultEffect.Transport transport) {
            return new io.novasim.ApiResponse.Delivery(Duration.ZERO, transport.fault(), fault.ruleId());
        }
        if (fault.effect() instanceof io.novasim.state.faults.FaultEffect.SlowAnswer slow) {
            Duration length = slow.length();
            if (clock instanceof io.novasim.ClockMode.Wall pace && wall.following()) {
                return new io.novasim.ApiResponse.Delivery(
                        Duration.ofNanos((long) (length.toNanos() / pace.speed())), null, fault.ruleId());
            }
            cloud().advance(length);
            return new io.novasim.ApiResponse.Delivery(Duration.ZERO, null, fault.ruleId());
        }
        throw new IllegalArgumentException("not an effect on the answer: " + fault.effect().describe());
    }

    /** Who an unauthenticated call to another service is, for the fault plan: no one, in no project. */
    private static final Caller ANONYMOUS = new Caller("anonymous", "", false);

    /**
     * The answer of an override that fires on this request (journaled as answered by it), or null: the simulation
     * then answers. Asked only while an override is set ({@link #hasOverrides}).
     */
    public io.novasim.ApiResponse override(Exchange exchange) {
        Cloud current = cloud();
        Map<String, String> headers = new java.util.TreeMap<>();
        for (String name : current.overrideHeaders()) {
            String value = exchange.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Object answered = current.execute(ANONYMOUS, new io.novasim.state.command.AnswerRoute(exchange.method(),
                exchange.path(), headers)).resource();
        if (!(answered instanceof FiredFault fired)) {
            return null;
        }
        io.novasim.state.faults.FaultEffect.Answer answer = (io.novasim.state.faults.FaultEffect.Answer) fired.effect();
        exchange.answerFault(fired);
        record(exchange, fired.requestId(), answer.status());
        List<io.novasim.ApiRequest.Header> answerHeaders = new java.util.ArrayList<>();
        answer.headers().forEach((name, value) -> answerHeaders.add(new io.novasim.ApiRequest.Header(name, value)));
        return new io.novasim.ApiResponse(answer.status(), answerHeaders,
                answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether a fault rule looks at another service's calls, or holds one down (read without the engine's lock). */
    public boolean hasServiceFaultRules() {
        return cloud.faultPlanHasServiceRules();
    }

    /** Whether an override is set (read without the engine's lock). */
    public boolean hasOverrides() {
        return cloud.faultPlanHasOverrides();
    }

    /**
     * Puts a call of another service's API to the fault plan, before its route runs (only while a rule looks at
     * another service's calls): see {@link io.novasim.state.command.CallService}.
     *
     * @param token     the call's valid token, or null
     * @param operation the operation's name, or null for a route novasim does not simulate
     * @throws io.novasim.model.error.ComputeException {@link Refusal#SERVICE_DOWN} while the service is down, or the
     *                                                 error a rule answers with
     */
    public void serviceCall(io.novasim.state.faults.Service service, String operation, Token token,
                            String requestId) {
        Cloud current = cloud();
        if (!current.faultPlanHasServiceRules()) {
            return;
        }
        current.execute(token == null ? ANONYMOUS : token.caller(),
                new io.novasim.state.command.CallService(service, operation, token != null), requestId);
    }

    public EventLog log() {
        return log;
    }

    /** How many requests the journal's bound pushed out since it was last cleared. */
    public long journalDropped() {
        return journal.dropped();
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public CloudSetup setup() {
        return settings.setup();
    }
}
