package io.novasim.http;

import io.novasim.CloudSetup;
import io.novasim.http.identity.Token;
import io.novasim.http.identity.Tokens;
import io.novasim.state.Cloud;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import io.novasim.state.log.SimEvent;
import io.novasim.state.time.VirtualClock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The running simulation behind the HTTP adapter: the engine, the identity tokens, the event log and the request
 * journal. A reset builds a fresh engine from the same settings. When the clock follows the wall clock, every request
 * first brings virtual time up to date: the only place the adapter reads the wall clock.
 */
@Singleton
public final class Simulation {
    /** The one compute host of the simulated cloud: servers' host, ports' binding host. */
    public static final String COMPUTE_HOST = "novasim-compute-1";
    /** The request attribute holding the token that sent the request. */
    private static final String SENT_BY = "novasim.sent-by";

    /** Every refusal, with the rule that fired: {@code serve} shows them at INFO. */
    private static final org.slf4j.Logger REFUSALS = org.slf4j.LoggerFactory.getLogger("io.novasim.refusals");

    private final SimulatorSettings settings;
    private final Tokens tokens;
    private final RequestJournal journal;
    private volatile Cloud cloud;
    private volatile EventLog log;
    private volatile long wallStartNanos;
    private volatile Instant virtualStart;
    private volatile Instant began;

    @Inject
    public Simulation(SimulatorSettings settings) {
        this.settings = settings;
        this.tokens = new Tokens(settings.seed(), settings.tokenLifetime());
        this.journal = new RequestJournal(settings.journalCapacity());
        reset();
    }

    /** Back to the starting world: a fresh engine, no tokens but the control token, an empty journal and log. */
    public synchronized void reset() {
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
                new SeededIdSource(settings.seed()), settings.timings(), also == EventListener.NONE ? log
                : event -> {
                    log.on(event);
                    also.on(event);
                });
    }

    /** Swaps in an engine; a reset also forgets tokens and the journal, a restore keeps them. */
    private void install(Cloud fresh, EventLog newLog, boolean forgetClients) {
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
        this.wallStartNanos = System.nanoTime();
        this.virtualStart = fresh.now();
    }

    /** The engine, with virtual time brought up to date when the clock follows the wall clock. */
    public Cloud cloud() {
        Cloud current = cloud;
        if (settings.clockSpeed() > 0) {
            long elapsed = (long) ((System.nanoTime() - wallStartNanos) * settings.clockSpeed());
            Instant target = virtualStart.plusNanos(elapsed);
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

    public Instant now() {
        return cloud().now();
    }

    public void advance(Duration by) {
        cloud().advance(by);
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The valid, project-scoped token of a request, as every API but Keystone's own requires. */
    public java.util.Optional<Token> authenticate(io.javalin.http.Context ctx) {
        return tokens.valid(ctx.header("X-Auth-Token"), now()).filter(Token::scoped);
    }

    /**
     * Notes on a request the token that sent it, for {@link #record} to journal who it was: the pipelines call it once
     * the token is known to be valid.
     */
    public static void sentBy(io.javalin.http.Context ctx, Token token) {
        ctx.attribute(SENT_BY, token);
    }

    /**
     * Records an answered request in the journal (bodies only of POST and PUT: reading an absent one costs), with the
     * names of the user and project of the token {@link #sentBy} noted, and the compute microversion asked for.
     */
    public void record(io.javalin.http.Context ctx, String requestId, int status) {
        String body = null;
        if (ctx.method() == io.javalin.http.HandlerType.POST || ctx.method() == io.javalin.http.HandlerType.PUT) {
            try {
                body = io.novasim.http.support.Requests.body(ctx);
            } catch (io.javalin.http.HttpResponseException tooLarge) {
                body = "<" + tooLarge.getMessage() + ">";
            }
        }
        Token token = ctx.attribute(SENT_BY);
        String user = token == null ? null : setup().catalog().user(token.userId()).map(u -> u.name())
                .orElse(token.userId());
        String project = token == null ? null : setup().catalog().project(token.projectId()).map(p -> p.name())
                .orElse(token.projectId());
        String microversion = io.novasim.http.support.Microversion.requested(ctx.header("OpenStack-API-Version"),
                ctx.header("X-OpenStack-Nova-API-Version"));
        String refusal = io.novasim.http.support.Refusals.of(ctx, status);
        journal.record(cloud().now(), requestId, ctx.method().name(), ctx.path(), ctx.queryString(), body, status,
                user, project, microversion, refusal);
        if (refusal != null) {
            REFUSALS.info("{} {}", status, refusal);
        }
    }

    public EventLog log() {
        return log;
    }

    public RequestJournal journal() {
        return journal;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public CloudSetup setup() {
        return settings.setup();
    }
}
