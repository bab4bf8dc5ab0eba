package io.novasim.state.faults;

import io.novasim.model.server.TaskState;
import io.novasim.state.rules.Operation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fault rule written as a sentence: which calls, what happens to them, and when. Start it with
 * {@link FaultRule#named(String)}, say what it matches, give it one effect, and narrow when it fires if it should not
 * fire on every call it matches:
 *
 * <pre>{@code
 * FaultRule.named("busy-disk").on(Operation.DETACH_VOLUME).onServerNamed("db-.*")
 *         .failingTheWork(500, "device is busy").forTheNextCalls(2).build();
 * FaultRule.named("cinder-down").takingDown(Service.VOLUME).during(start, Duration.ofMinutes(5)).build();
 * FaultRule.named("poll-503").onRoute("GET", "/volume/v3/.*")
 *         .answering(503, Map.of("Retry-After", "30"), "{}").forTheNextCalls(1).build();
 * }</pre>
 *
 * <p>Each choice is checked when the rule is built, as the control plane checks the same rule in JSON: an
 * {@link IllegalArgumentException} says what does not go together. A builder that has built can build again; the
 * rules share nothing.
 */
public final class FaultRuleBuilder {
    private final String id;
    private Service service = Service.COMPUTE;
    private final Set<Operation> operations = EnumSet.noneOf(Operation.class);
    private final Set<String> serviceOperations = new LinkedHashSet<>();
    private String serverId;
    private Pattern serverName;
    private String projectId;
    private String portId;
    private String volumeId;
    private String imageId;
    private RouteMatch route;
    private FaultEffect effect;
    private int after;
    private int times = -1;
    private double probability = 1.0;
    private Window window;
    private Rate rate;

    FaultRuleBuilder(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    // ---- which calls

    /**
     * Nova's calls of these operations (any of them); without it, every call of Nova's.
     *
     * @param operations the operations, as {@code Operation.DETACH_VOLUME}
     * @return this builder
     */
    public FaultRuleBuilder on(Operation... operations) {
        this.operations.addAll(List.of(operations));
        return this;
    }

    /**
     * The calls of another service's API: {@code onCalls(Service.VOLUME, "get_volume")} is the Cinder poll of a
     * volume. With no operation names, every call of that service.
     *
     * @param service    identity, network, volume or image
     * @param operations the operations by the names {@code explain} and the README list ({@code issue_token},
     *                   {@code get_port}...); a simulator refuses a rule naming one its service does not have
     * @return this builder
     */
    public FaultRuleBuilder onCalls(Service service, String... operations) {
        this.service = Objects.requireNonNull(service, "service");
        this.serviceOperations.addAll(List.of(operations));
        return this;
    }

    /**
     * Only calls on this server.
     *
     * @param id the server's id
     * @return this builder
     */
    public FaultRuleBuilder onServer(String id) {
        this.serverId = id;
        return this;
    }

    /**
     * Only calls on servers whose whole name matches a regular expression (a create is matched by the name it
     * asks for).
     *
     * @param regex a {@link Pattern} the whole name must match
     * @return this builder
     */
    public FaultRuleBuilder onServerNamed(String regex) {
        this.serverName = Pattern.compile(regex);
        return this;
    }

    /**
     * Only calls made in this project.
     *
     * @param id the project's id
     * @return this builder
     */
    public FaultRuleBuilder inProject(String id) {
        this.projectId = id;
        return this;
    }

    /**
     * Only calls on this port (interface attach and detach).
     *
     * @param id the port's id
     * @return this builder
     */
    public FaultRuleBuilder onPort(String id) {
        this.portId = id;
        return this;
    }

    /**
     * Only calls on this volume (volume attach, detach and swap).
     *
     * @param id the volume's id
     * @return this builder
     */
    public FaultRuleBuilder onVolume(String id) {
        this.volumeId = id;
        return this;
    }

    /**
     * Only calls with this image (a boot, a rebuild, a rescue).
     *
     * @param id the image's id
     * @return this builder
     */
    public FaultRuleBuilder onImage(String id) {
        this.imageId = id;
        return this;
    }

    /**
     * The requests to a route of any API, for an override ({@link #answering}): they never reach the simulation.
     * A route match stands alone: it takes no operations or ids.
     *
     * @param method    the HTTP method, as {@code GET}
     * @param pathRegex a regular expression the whole path must match
     * @return this builder
     */
    public FaultRuleBuilder onRoute(String method, String pathRegex) {
        this.route = RouteMatch.of(method, pathRegex);
        return this;
    }

    /**
     * Only requests to the route with this header, its whole value matching a regular expression.
     *
     * @param name       the header's name, in any case
     * @param valueRegex a regular expression its whole value must match
     * @return this builder
     * @throws IllegalStateException before {@link #onRoute}
     */
    public FaultRuleBuilder withHeader(String name, String valueRegex) {
        if (route == null) {
            throw new IllegalStateException("withHeader narrows a route: call onRoute first");
        }
        this.route = route.withHeader(name, valueRegex);
        return this;
    }

    // ---- what happens: one effect

    /**
     * The call is answered at once with this error, in its service's own shape, and nothing is applied. Nova's fault
     * name follows the code ({@code serviceUnavailable} for 503, {@code overLimit} for 413 and 429...).
     *
     * @param code    a 4xx or 5xx status
     * @param message the error's message
     * @return this builder
     */
    public FaultRuleBuilder answeringError(int code, String message) {
        return effect(FaultEffect.Error.of(code, message));
    }

    /**
     * The error of {@link #answeringError}, telling the client when to try again ({@code Retry-After}, and for 413
     * and 429 Nova's {@code retryAfter} in the body).
     *
     * @param code    a 4xx or 5xx status
     * @param message the error's message
     * @param wait    when to try again
     * @return this builder
     */
    public FaultRuleBuilder answeringError(int code, String message, Duration wait) {
        return effect(FaultEffect.Error.of(code, message).retryingAfter(wait));
    }

    /**
     * The call is accepted, and its asynchronous work (a build, a detach) takes this much longer.
     *
     * @param extra how much longer
     * @return this builder
     */
    public FaultRuleBuilder delayingTheWork(Duration extra) {
        return effect(new FaultEffect.Delay(extra));
    }

    /**
     * The call is accepted, and its asynchronous work takes longer by a length drawn each time the rule fires.
     *
     * @param extra the distribution of how much longer, as {@code new Latency.Exponential(Duration.ofSeconds(20))}
     * @return this builder
     */
    public FaultRuleBuilder delayingTheWork(Latency extra) {
        return effect(new FaultEffect.Delay(extra));
    }

    /**
     * The call is accepted, and its work stops when the server shows this task_state, until released.
     *
     * @param task the task_state it stops at, or {@code null} for the operation's last one
     * @return this builder
     */
    public FaultRuleBuilder stuckAt(TaskState task) {
        return effect(new FaultEffect.Stuck(task, null));
    }

    /**
     * The call is accepted, and its work stops at this task_state for a while, then goes on.
     *
     * @param task     the task_state it stops at, or {@code null} for the operation's last one
     * @param stuckFor how long it stays there
     * @return this builder
     */
    public FaultRuleBuilder stuckAt(TaskState task, Duration stuckFor) {
        return effect(new FaultEffect.Stuck(task, Objects.requireNonNull(stuckFor, "stuckFor")));
    }

    /**
     * The call is accepted, and its work fails: a detach leaves the attachment in place, a build ends in ERROR with
     * this fault; a synchronous call (an interface attach) answers Nova's 500.
     *
     * @param code    the fault's code
     * @param message the fault's message
     * @return this builder
     */
    public FaultRuleBuilder failingTheWork(int code, String message) {
        return effect(new FaultEffect.FailCompletion(code, message));
    }

    /**
     * The call is handled as usual, and its answer comes this much later (on virtual time the clock moves on).
     *
     * @param latency how much later, as {@code Latency.fixed(Duration.ofSeconds(2))} or a distribution
     * @return this builder
     */
    public FaultRuleBuilder slowingTheAnswer(Latency latency) {
        return effect(new FaultEffect.SlowAnswer(latency));
    }

    /**
     * The call is handled as usual (its change is made), and its answer is lost on the wire; in memory, the call
     * throws {@code io.novasim.TransportFailure}.
     *
     * @param fault how it is lost
     * @return this builder
     */
    public FaultRuleBuilder losingTheAnswer(TransportFault fault) {
        return effect(new FaultEffect.Transport(fault));
    }

    /**
     * An override: the requests to the route ({@link #onRoute}) are answered with this instead of by the simulation.
     *
     * @param status  the HTTP status
     * @param headers the answer's headers
     * @param body    the answer's body, as text
     * @return this builder
     */
    public FaultRuleBuilder answering(int status, Map<String, String> headers, String body) {
        return effect(new FaultEffect.Answer(status, headers, body));
    }

    /**
     * The whole service is down: its API answers a load balancer's 503, and Nova's calls that need it fail as Nova
     * fails. Give it a window ({@link #during}) unless it should stay down until the rule is removed.
     *
     * @param service identity, network, volume or image
     * @return this builder
     */
    public FaultRuleBuilder takingDown(Service service) {
        this.service = Objects.requireNonNull(service, "service");
        return effect(new FaultEffect.Outage());
    }

    // ---- when it fires; every matching call when nothing is said

    /**
     * Fires on the next {@code n} matching calls, then never again: "fail twice, then succeed".
     *
     * @param n at least 1
     * @return this builder
     */
    public FaultRuleBuilder forTheNextCalls(int n) {
        this.times = n;
        return this;
    }

    /**
     * Lets the first {@code m} matching calls pass.
     *
     * @param m at least 0
     * @return this builder
     */
    public FaultRuleBuilder afterCalls(int m) {
        this.after = m;
        return this;
    }

    /**
     * Fires on a matching call with this chance, drawn from the simulator's seeded source.
     *
     * @param p in (0, 1]
     * @return this builder
     */
    public FaultRuleBuilder withProbability(double p) {
        this.probability = p;
        return this;
    }

    /**
     * Active only from {@code from}, on virtual time, for {@code length}: "a five-minute outage starting at +2 min".
     *
     * @param from   when it starts, as {@code sim.control().now().plusSeconds(120)}
     * @param length how long it lasts; positive
     * @return this builder
     */
    public FaultRuleBuilder during(Instant from, Duration length) {
        this.window = Window.of(from, length);
        return this;
    }

    /**
     * Active only from {@code from} until {@code until}, on virtual time.
     *
     * @param from  the first instant it is active
     * @param until the first instant it is no longer active; after {@code from}
     * @return this builder
     */
    public FaultRuleBuilder between(Instant from, Instant until) {
        this.window = new Window(from, until, false);
        return this;
    }

    /**
     * Active from {@code from} on, on virtual time.
     *
     * @param from the first instant it is active
     * @return this builder
     */
    public FaultRuleBuilder from(Instant from) {
        this.window = Window.from(from);
        return this;
    }

    /**
     * Its chance rises over its window, from nothing at the start to the rule's at the end: a gradual failure.
     *
     * @return this builder
     * @throws IllegalStateException before a window with an end ({@link #during} or {@link #between})
     */
    public FaultRuleBuilder ramped() {
        if (window == null) {
            throw new IllegalStateException("ramped rises over a window: call during or between first");
        }
        this.window = window.ramped();
        return this;
    }

    /**
     * A rate limit: fires on the calls a project makes over {@code calls} in any {@code per} of virtual time.
     *
     * @param calls how many calls a project may make in a span; at least 1
     * @param per   the span; positive
     * @return this builder
     */
    public FaultRuleBuilder overRate(int calls, Duration per) {
        this.rate = new Rate(calls, per);
        return this;
    }

    /**
     * The rule, checked as the control plane checks it.
     *
     * @return the rule
     * @throws IllegalStateException    when no effect was given
     * @throws IllegalArgumentException when choices do not go together (the message says which)
     */
    public FaultRule build() {
        if (effect == null) {
            throw new IllegalStateException("fault rule " + id + " has no effect: say what happens, as "
                    + "answeringError, failingTheWork, slowingTheAnswer or takingDown");
        }
        FaultMatch match = new FaultMatch(service, operations, serviceOperations, serverId, serverName, projectId,
                portId, volumeId, imageId, route);
        return new FaultRule(id, match, effect, new Trigger(after, times, probability, window, rate));
    }

    private FaultRuleBuilder effect(FaultEffect chosen) {
        if (effect != null) {
            throw new IllegalStateException("fault rule " + id + " already " + effect.describe()
                    + "; a rule has one effect");
        }
        this.effect = chosen;
        return this;
    }
}
