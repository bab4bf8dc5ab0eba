package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.novasim.CloudSetup;
import io.novasim.NovaSimulator;
import io.novasim.cli.DurationText;
import io.novasim.report.EventNarrator;
import io.novasim.report.RunReport;
import io.novasim.report.RunReport.Entry;
import io.novasim.report.RunReport.Kind;
import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.http.compute.ComputeDialect;
import io.novasim.http.control.FaultRuleJson;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Runs a scenario against a fresh simulator on virtual time (the clock moves only when a step says so), recording a
 * {@link RunReport}: each request and answer, each state change and fault that fired, each clock move, each
 * expectation with PASS or FAIL. The same file and seed give the same report, byte for byte.
 */
public final class ScenarioRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told after each step, for a progress display: the number of steps done and of all steps (-1: not known yet). */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void stepDone(int done, int total);
    }

    /** A scenario's steps in order, all known or coming as a reader parses them ({@link StreamedScenario}). */
    public interface Steps {
        /** Step {@code index}, waiting for it if need be; null past the last. */
        Scenario.Step get(int index) throws InterruptedException;

        /** How many steps there are; -1 while that is not known. */
        int total();

        static Steps of(List<Scenario.Step> steps) {
            return new Steps() {
                @Override
                public Scenario.Step get(int index) {
                    return index < steps.size() ? steps.get(index) : null;
                }

                @Override
                public int total() {
                    return steps.size();
                }
            };
        }
    }

    private final NovaSimulator sim;
    private final CloudSetup setup;
    private final EventNarrator narrator;
    private final ComputeDialect dialect;
    /** The simulator's address, which links in answers name: shown as {base} in transcripts. */
    private final String base;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> saved = new HashMap<>();
    /** The world's project ids and users' passwords, by name, as looked up (the world does not change). */
    private final Map<String, String> projectIds = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    /** Request bodies as written, by node: see {@link #text}. */
    private final Map<JsonNode, String> bodyTexts = new java.util.IdentityHashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private int expectations;
    private int failures;

    private ScenarioRunner(NovaSimulator sim, CloudSetup setup, EventNarrator narrator, ComputeDialect dialect) {
        this.sim = sim;
        this.setup = setup;
        this.narrator = narrator;
        this.dialect = dialect;
        this.base = "http://127.0.0.1:8774";
    }

    /**
     * Runs a scenario read from {@code file} (whose directory a world's setup file is relative to).
     *
     * @throws InvalidScenarioException when a step cannot run as written (an unknown saved value, a bad fault rule)
     */
    public static RunReport run(Scenario scenario, Path file, Progress progress) throws InvalidScenarioException {
        return run(scenario, Steps.of(scenario.steps()), file, progress);
    }

    /**
     * Runs the scenario {@code scenario} starts (its own steps aside) with {@code steps}, taken one at a time.
     *
     * @throws StreamedScenario.NotStreamable when a streamed file turns out to need an ordinary read
     */
    public static RunReport run(Scenario scenario, Steps steps, Path file, Progress progress)
            throws InvalidScenarioException {
        long seed = scenario.seed() == null ? 1 : scenario.seed();
        Scenario.World world = Worlds.of(scenario);
        Worlds.check(world);
        Path base = file.toAbsolutePath().getParent();
        CloudSetup setup = Worlds.setup(world, base == null ? Path.of(".") : base);
        ComputeDialect dialect = dialect(scenario.dialect(), "dialect");
        EventNarrator narrator = new EventNarrator();
        NovaSimulator.Builder builder = NovaSimulator.builder().seed(seed).clockSpeed(0).setup(setup)
                .timings(timings(scenario.timings())).eventListener(narrator)
                .journalCapacity(16).eventLogCapacity(16);
        // Requests go to the simulator's APIs in memory: the answers of HTTP, with no server started.
        try (NovaSimulator sim = builder.build()) {
            ScenarioRunner runner = new ScenarioRunner(sim, setup, narrator, dialect);
            Instant start = sim.control().now();
            runner.add(Kind.TITLE, "scenario" + (scenario.description() == null ? "" : ": "
                    + scenario.description()) + " (seed " + seed + (dialect == ComputeDialect.NOVA ? ""
                    : ", dialect " + dialect.name()) + ")", null);
            new WorldBuilder(runner).build(world);
            int done = 0;
            for (Scenario.Step step = next(steps, 0); step != null; step = next(steps, done)) {
                try {
                    runner.step(done, step);
                } catch (InvalidScenarioException invalid) {
                    // the step's own words say what; the file and line say where
                    throw new InvalidScenarioException(StepLines.locate(file, done) + invalid.getMessage());
                }
                progress.stepDone(++done, steps.total());
            }
            progress.stepDone(done, done); // the last: the number of steps is known now
            return new RunReport(file.getFileName().toString(), scenario.description(), seed, dialect.name(), start,
                    sim.control().now(), runner.entries, runner.expectations, runner.failures);
        }
    }

    /**
     * The engine of a scenario's world as it stands before the first step, built as {@code run} builds it, for an
     * exploration to fork; and the ids the world saved ({@code server.web}, {@code port.extra}, {@code volume.data}).
     *
     * @param engine a copy of the engine, reporting to no one
     * @param saved  the world's ids by saved name
     * @param setup  the cloud the world was made in
     */
    public record Start(io.novasim.state.Cloud engine, Map<String, String> saved, CloudSetup setup) {
    }

    /** Builds a scenario's world and hands its engine over: see {@link Start}. */
    public static Start start(Scenario scenario, Path file) throws InvalidScenarioException {
        long seed = scenario.seed() == null ? 1 : scenario.seed();
        Scenario.World world = Worlds.of(scenario);
        Worlds.check(world);
        Path base = file.toAbsolutePath().getParent();
        CloudSetup setup = Worlds.setup(world, base == null ? Path.of(".") : base);
        EventNarrator narrator = new EventNarrator();
        NovaSimulator.Builder builder = NovaSimulator.builder().seed(seed).clockSpeed(0).setup(setup)
                .timings(timings(scenario.timings())).eventListener(narrator)
                .journalCapacity(16).eventLogCapacity(16);
        try (NovaSimulator sim = builder.build()) {
            ScenarioRunner runner = new ScenarioRunner(sim, setup, narrator, ComputeDialect.NOVA);
            new WorldBuilder(runner).build(world);
            // The control interface of a simulator is its Simulation, which holds the engine.
            io.novasim.state.Cloud engine = ((io.novasim.http.Simulation) sim.control()).cloud()
                    .copy(io.novasim.state.log.EventListener.NONE);
            return new Start(engine, Map.copyOf(runner.saved), setup);
        }
    }

    private static Scenario.Step next(Steps steps, int index) {
        try {
            return steps.get(index);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the scenario was read", e);
        }
    }

    /** The dialect a scenario or a step names ({@code nova} when none); the reader calls it too. */
    static ComputeDialect dialect(String name, String where) throws InvalidScenarioException {
        if (name == null) {
            return ComputeDialect.NOVA;
        }
        for (ComputeDialect known : ComputeDialect.all()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        throw new InvalidScenarioException(where + ": one of " + ComputeDialect.all().stream()
                .map(ComputeDialect::name).toList() + " (was " + name + ")");
    }

    /** The {@code timings} key of Nova's option: deletes soft-delete, and reclaim after it. */
    static final String RECLAIM_INSTANCE_INTERVAL = "reclaim_instance_interval";

    /** A scenario's {@code timings} over the defaults; the reader calls it too, to refuse a bad file early. */
    static Timings timings(Map<String, String> overrides) throws InvalidScenarioException {
        Timings timings = Timings.defaults();
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            boolean reclaim = entry.getKey().equals(RECLAIM_INSTANCE_INTERVAL);
            Operation operation = null;
            if (!reclaim) {
                try {
                    operation = Operation.named(entry.getKey());
                } catch (IllegalArgumentException e) {
                    throw new InvalidScenarioException("timings." + entry.getKey() + ": not an operation; one of "
                            + java.util.Arrays.toString(Operation.values()) + ", or " + RECLAIM_INSTANCE_INTERVAL);
                }
            }
            Duration duration;
            try {
                duration = DurationText.parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                duration = Duration.ofSeconds(-1);
            }
            if (duration.isNegative()) {
                throw new InvalidScenarioException("timings." + entry.getKey() + ": a duration, e.g. 2s (was "
                        + entry.getValue() + ")");
            }
            if (reclaim && duration.isZero()) {
                throw new InvalidScenarioException("timings." + RECLAIM_INSTANCE_INTERVAL + ": more than 0 (leave it "
                        + "out to delete at once)");
            }
            timings = reclaim ? timings.withReclaimInstanceInterval(java.util.Optional.of(duration))
                    : timings.with(operation, duration);
        }
        return timings;
    }

    private void step(int index, Scenario.Step step) throws InvalidScenarioException {
        String where = "steps[" + index + "]";
        if (step.advance() != null) {
            add(Kind.ADVANCE, "advance " + step.advance(), null);
            sim.control().advance(DurationText.parse(step.advance()));
            hear();
        } else if (step.fault() != null) {
            try {
                sim.control().addFault(FaultRuleJson.parse(step.fault(), "rule-" + index, sim.control().now()));
            } catch (RuntimeException e) {
                throw new InvalidScenarioException(where + ".fault: " + e.getMessage());
            }
            add(Kind.FAULT_RULE, "fault " + step.fault(), null);
        } else if (step.clock() != null) {
            io.novasim.ClockMode mode;
            try {
                mode = io.novasim.http.control.ClockModeJson.parse(step.clock(), "clock");
            } catch (RuntimeException e) {
                throw new InvalidScenarioException(where + ".clock: " + e.getMessage());
            }
            if (mode instanceof io.novasim.ClockMode.Wall) {
                throw new InvalidScenarioException(where + ".clock: a scenario runs on virtual time alone: its clock "
                        + "mode is manual or client, not wall");
            }
            sim.control().clock(mode);
            add(Kind.ADVANCE, "clock " + mode.jsonName() + (mode instanceof io.novasim.ClockMode.Client client
                    ? ": each request moves it " + DurationText.format(client.step()) + " on"
                    + (client.settleReads() ? ", a read runs the work in flight on what it reads" : "") : ""), null);
        } else if (step.removeFault() != null) {
            if (!sim.control().removeFault(step.removeFault())) {
                throw new InvalidScenarioException(where + ".remove_fault: there is no fault rule " + step.removeFault()
                        + "; the rules are " + (sim.control().faultRules().isEmpty() ? "none" : String.join(", ",
                        sim.control().faultRules().stream().map(io.novasim.state.faults.FaultRule::id).toList())));
            }
            add(Kind.FAULT_RULE, "remove fault " + step.removeFault(), null);
        } else if (step.check() != null) {
            check(where, step);
        } else if (step.operation() != null) {
            Scenario.NamedOperation written = step.operation();
            String at = where + ".operation.";
            Scenario.NamedOperation op = new Scenario.NamedOperation(written.name(),
                    substituteField(at + "server", written.server()), substituteField(at + "port", written.port()),
                    substituteField(at + "network", written.network()),
                    substituteField(at + "volume", written.volume()), substituteField(at + "image", written.image()),
                    written.type(), written.dialect(), written.user(), written.project());
            Scenario.Request spelled = NamedOperations.request(op);
            ComputeDialect spoken = op.dialect() == null ? dialect : dialect(op.dialect(), where + ".operation.dialect");
            String project = op.project() == null ? "demo" : op.project();
            String path = spoken.mount() + (spoken.tenantInPath() ? "/" + projectId(project) : "") + spelled.path();
            Scenario.Request request = new Scenario.Request(spelled.method(), path, spelled.body(), op.user(), null,
                    op.project(), null, null);
            exchange(where, step, request, spoken.basicAuth());
        } else {
            exchange(where, step, step.request(), false);
        }
    }

    /** A step that only reads the state: at once, or (with {@code until}) after waiting on virtual time. */
    private void check(String where, Scenario.Step step) throws InvalidScenarioException {
        add(Kind.NOTE, (step.name() == null ? "" : step.name() + ": ") + "check the state"
                + (step.until() == null ? "" : " (every " + every(step) + " until it holds, within "
                + step.within() + ")"), null);
        if (step.until() != null) {
            recordWaited(waitUntil(step, again -> evaluate(where, step.until(), null, null)));
        }
        evaluate(where, step.check(), null, null).forEach(this::record);
    }

    /** What a wait looks at: as it stands the first time, then {@code again} after each move of the clock. */
    @FunctionalInterface
    private interface Look {
        List<Verdict> look(boolean again) throws InvalidScenarioException;
    }

    /**
     * A client's wait loop on virtual time: looks, then advances {@code every} and looks again until everything
     * holds or the next look would pass {@code within}.
     *
     * @return the verdicts of the last look
     */
    private List<Verdict> waitUntil(Scenario.Step step, Look look) throws InvalidScenarioException {
        Instant deadline = sim.control().now().plus(DurationText.parse(step.within()));
        Duration interval = DurationText.parse(every(step));
        List<Verdict> verdicts = look.look(false);
        while (!verdicts.stream().allMatch(Verdict::passed)
                && !sim.control().now().plus(interval).isAfter(deadline)) {
            sim.control().advance(interval);
            hear();
            verdicts = look.look(true);
        }
        return verdicts;
    }

    private void recordWaited(List<Verdict> waited) {
        waited.forEach(verdict -> record(new Verdict("until " + verdict.what(), verdict.passed(),
                verdict.otherwise())));
    }

    /** Sends a step's request (again, while it waits {@code until}), then checks and saves what it says. */
    private void exchange(String where, Scenario.Step step, Scenario.Request request, boolean basicAuth)
            throws InvalidScenarioException {
        String method = request.method() == null ? "GET" : request.method().toUpperCase(Locale.ROOT);
        String path = substitute(where + ".request.path", request.path());
        String body = request.body() == null ? null : substitute(where + ".request.body", text(request.body()));
        String user = request.user() == null ? "demo" : request.user();
        String project = request.project() == null ? "demo" : request.project();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        String password = request.password() == null ? password(user) : request.password();
        if (basicAuth) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        } else if (!"none".equals(user)) {
            headers.put("X-Auth-Token", token(user, password, project));
        }
        if (request.microversion() != null) {
            headers.put("OpenStack-API-Version", "compute " + request.microversion());
        }
        if (request.headers() != null) {
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                headers.put(header.getKey(), substitute(where + ".request.headers", header.getValue()));
            }
        }
        add(Kind.REQUEST, (step.name() == null ? "" : step.name() + ": ") + user + " -> " + method + " " + path
                + (body == null ? "" : " " + body)
                + (step.until() == null ? "" : " (again every " + every(step) + " until it holds, within "
                + step.within() + ")"), null);
        ApiResponse response = send(method, path, headers, body);
        hear();
        // Parsed only when a check or a save reads the body: most steps of a long run do neither.
        boolean reads = step.until() != null || step.save() != null
                || step.expect() != null && (step.expect().fault() != null || step.expect().message() != null
                || step.expect().json() != null);
        JsonNode json = reads ? parse(response.text()) : null;
        List<Verdict> waited = List.of();
        if (step.until() != null) {
            // As a client's wait loop does: the request is sent again after each move of the clock.
            final class Polled {
                ApiResponse response;
                JsonNode json;
                int requests = 1;
            }
            Polled polled = new Polled();
            polled.response = response;
            polled.json = json;
            waited = waitUntil(step, again -> {
                if (again) {
                    polled.response = send(method, path, headers, body);
                    hear();
                    polled.json = parse(polled.response.text());
                    polled.requests++;
                }
                return evaluate(where, step.until(), polled.response, polled.json);
            });
            response = polled.response;
            json = polled.json;
            add(Kind.NOTE, polled.requests + (polled.requests == 1 ? " request" : " requests"), null);
        }
        // The port is new every run: links show {base} instead, so transcripts compare byte for byte.
        ApiResponse.Delivery lost = response.delivery();
        // The JSON report's fields say what a machine reads: the status, or the transport fault and its rule.
        Map<String, String> fields = lost.lostTo() != null ? Map.of("transport", lost.lostTo().jsonName(), "rule",
                lost.ruleId()) : Map.of("status", Integer.toString(response.status()));
        entries.add(new Entry(sim.control().now(), Kind.ANSWER, lost.lostTo() != null ? "<- lost: transport fault "
                + lost.lostTo().jsonName() + " (fault rule " + lost.ruleId() + "): " + lost.lostTo().meaning()
                : "<- " + response.status() + (response.text().isEmpty() ? "" : " " + response.text().replace(base,
                "{base}")), null, fields));
        if (response.status() >= 400) {
            refusal();
        }
        recordWaited(waited);
        if (step.expect() != null) {
            evaluate(where, step.expect(), response, json).forEach(this::record);
        }
        if (step.save() != null) {
            for (Map.Entry<String, String> save : step.save().entrySet()) {
                JsonNode value = json == null ? null : json.at(save.getValue());
                if (value == null || value.isMissingNode()) {
                    fail("save " + save.getKey() + " from " + save.getValue() + ": nothing there");
                } else {
                    saved.put(save.getKey(), value.asText());
                }
            }
        }
    }

    /** Why the simulator refused the last request: its refusal id and the rule that fired, as the journal kept them. */
    private void refusal() {
        List<io.novasim.RecordedRequest> journal = sim.control().requests();
        String why = journal.isEmpty() ? null : journal.get(journal.size() - 1).refusalLine();
        if (why != null) {
            add(Kind.REFUSAL, why, null);
        }
    }

    /** What {@code expect} says of this answer and of the state now, one verdict per thing it checks. */
    private List<Verdict> evaluate(String where, Scenario.Expect expect, ApiResponse response,
                                   JsonNode json) throws InvalidScenarioException {
        List<Verdict> verdicts = new ArrayList<>();
        if (response != null) {
            verdicts.addAll(AnswerExpectations.evaluate(where, expect, response, json, this::substitute,
                    (at, text) -> substitute(at, text, Pattern::quote)));
        }
        if (expect.readsState()) {
            UnaryOperator<String> resolve = text -> substituteOrKeep(text);
            verdicts.addAll(StateExpectations.evaluate(expect, sim.control().state(), resolve));
        }
        return verdicts;
    }

    private void record(Verdict verdict) {
        expectations++;
        if (verdict.passed()) {
            add(Kind.PASS, "expect " + verdict.what(), null);
        } else {
            fail(verdict.what() + " (" + verdict.otherwise() + ")");
        }
    }

    private void fail(String what) {
        failures++;
        add(Kind.FAIL, "expect " + what, null);
    }

    private static String every(Scenario.Step step) {
        return step.every() == null ? "1s" : step.every();
    }

    /** Adds what the engine did since the last look. */
    void hear() {
        entries.addAll(narrator.tell());
    }

    void add(Kind kind, String text, String subject) {
        entries.add(new Entry(sim.control().now(), kind, text, subject, Map.of()));
    }

    void addEntry(Entry entry) {
        entries.add(entry);
    }

    CloudSetup setup() {
        return setup;
    }

    NovaSimulator simulator() {
        return sim;
    }

    EventNarrator narrator() {
        return narrator;
    }

    void save(String name, String value) {
        saved.put(name, value);
    }

    /**
     * Sends a request of the world's making (as the demo user of {@code project}, at {@code microversion}) and reads
     * its answer; a refusal means the world cannot be built as written.
     */
    JsonNode call(String method, String path, String body, String project, String microversion)
            throws InvalidScenarioException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("OpenStack-API-Version", "compute " + microversion);
        headers.put("X-Auth-Token", token("demo", password("demo"), project));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        ApiResponse response = send(method, path, headers, body);
        if (response.status() >= 400 || response.status() == 0) {
            throw new InvalidScenarioException("world: " + method + " " + path + " " + body + " was refused: "
                    + (response.status() == 0 ? "its answer was lost to a transport fault"
                    : response.status() + " " + response.text()));
        }
        return parse(response.text());
    }

    /** The id of a project of the world, by name (or the id itself). */
    String projectId(String project) {
        return projectIds.computeIfAbsent(project, name -> setup.catalog().projects().stream()
                .filter(p -> p.name().equals(name) || p.id().equals(name)).map(Project::id).findFirst()
                .orElse(name));
    }

    /** A user's password in the world ({@code secret} for a user it does not know, which Keystone refuses). */
    private String password(String user) {
        return passwords.computeIfAbsent(user, name -> setup.catalog().users().stream()
                .filter(u -> u.name().equals(name)).map(User::id).map(id -> setup.passwords().get(id))
                .filter(java.util.Objects::nonNull).findFirst().orElse("secret"));
    }

    private String token(String user, String password, String project) {
        return tokens.computeIfAbsent(user + "/" + project + "/" + password, key -> {
            String auth = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
                    + "{\"name\": " + quote(user) + ", \"domain\": {\"name\": \"Default\"}, \"password\": "
                    + quote(password) + "}}}, \"scope\": {\"project\": {\"name\": " + quote(project)
                    + ", \"domain\": {\"name\": \"Default\"}}}}}";
            String issued = send("POST", "/identity/v3/auth/tokens", Map.of("Content-Type", "application/json"),
                    auth).header("X-Subject-Token");
            return issued == null ? "none" : issued;
        });
    }

    /**
     * Sends a request to the simulator in memory; {@code body} null for none. An answer a fault rule lost to a
     * transport fault comes back as status 0 with no body, its {@link ApiResponse#delivery()} saying what was lost.
     */
    private ApiResponse send(String method, String path, Map<String, String> headers, String body) {
        ApiRequest.Built request = ApiRequest.of(method, path);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            request = request.header(header.getKey(), header.getValue());
        }
        if (body != null) {
            request = request.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return sim.exchange(request);
        } catch (io.novasim.TransportFailure lost) {
            return new ApiResponse(0, List.of(), new byte[0],
                    new ApiResponse.Delivery(java.time.Duration.ZERO, lost.fault(), lost.ruleId()));
        }
    }

    private static String quote(String text) {
        return JSON.getNodeFactory().textNode(text).toString();
    }

    private String substitute(String where, String text) throws InvalidScenarioException {
        return substitute(where, text, value -> value);
    }

    /** A field that may be absent, with its {@code ${name}}s replaced. */
    private String substituteField(String where, String text) throws InvalidScenarioException {
        return text == null ? null : substitute(where, text);
    }

    /** As {@link #substitute}, leaving a name nobody saved as it is (a state key may be a plain name). */
    private String substituteOrKeep(String text) {
        try {
            return replaceVariables(text, name -> saved.getOrDefault(name, "${" + name + "}"));
        } catch (InvalidScenarioException cannot) {
            throw new IllegalStateException(cannot);
        }
    }

    /** Replaces each {@code ${name}} with {@code spell} of the value an earlier step saved. */
    private String substitute(String where, String text, UnaryOperator<String> spell)
            throws InvalidScenarioException {
        return replaceVariables(text, name -> {
            String value = saved.get(name);
            if (value == null) {
                throw new InvalidScenarioException(where + ": ${" + name + "} was not saved by an earlier step; "
                        + (saved.isEmpty() ? "nothing was saved yet" : "saved so far: " + String.join(", ",
                        new java.util.TreeSet<>(saved.keySet()))));
            }
            return spell.apply(value);
        });
    }

    /** What a {@code ${name}} in text becomes. */
    @FunctionalInterface
    interface Variables {
        String value(String name) throws InvalidScenarioException;
    }

    /**
     * Replaces each {@code ${name}} (a name of letters, digits, {@code _ . -}), left to right, with its value; text
     * like it that is not one stays. A scan, not a regular expression: paths and bodies of every step go through
     * here.
     */
    static String replaceVariables(String text, Variables variables) throws InvalidScenarioException {
        int start = text.indexOf("${");
        if (start < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int copied = 0;
        while (start >= 0) {
            int end = start + 2;
            while (end < text.length() && variableNameChar(text.charAt(end))) {
                end++;
            }
            if (end == start + 2 || end == text.length() || text.charAt(end) != '}') {
                start = text.indexOf("${", start + 1);
                continue;
            }
            out.append(text, copied, start).append(variables.value(text.substring(start + 2, end)));
            copied = end + 1;
            start = text.indexOf("${", copied);
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean variableNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    /**
     * A body as JSON text. The same node (a named operation's body is one per spelling, a waiting step sends its own
     * again) is written once.
     */
    private String text(JsonNode body) {
        return bodyTexts.computeIfAbsent(body, JsonNode::toString);
    }

    static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
