package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.novasim.NovaSimulator;
import io.novasim.cli.DurationText;
import io.novasim.http.control.FaultRuleJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a scenario against a fresh simulator on virtual time (the clock moves only when a step says so), writing a
 * transcript: each request and answer, each clock move and fault, each expectation with PASS or FAIL. The same file
 * and seed give the same transcript, byte for byte.
 */
public final class ScenarioRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** How a run ended: the transcript and how many expectations failed. */
    public record Result(String transcript, int expectations, int failures) {
        public boolean passed() {
            return failures == 0;
        }
    }

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, String> saved = new HashMap<>();
    private final StringBuilder transcript = new StringBuilder();
    private int expectations;
    private int failures;

    private ScenarioRunner() {
    }

    public static Result run(Scenario scenario) throws InvalidScenarioException {
        long seed = scenario.seed() == null ? 1 : scenario.seed();
        try (NovaSimulator sim = NovaSimulator.builder().seed(seed).clockSpeed(0).build().start()) {
            ScenarioRunner runner = new ScenarioRunner();
            runner.line(sim, "scenario" + (scenario.description() == null ? "" : ": " + scenario.description())
                    + " (seed " + seed + ")");
            for (int i = 0; i < scenario.steps().size(); i++) {
                runner.step(sim, i, scenario.steps().get(i));
            }
            runner.transcript.append(runner.failures == 0 ? "PASSED" : "FAILED").append(": ")
                    .append(runner.expectations - runner.failures).append(" of ").append(runner.expectations)
                    .append(" expectations met\n");
            return new Result(runner.transcript.toString(), runner.expectations, runner.failures);
        }
    }

    private void step(NovaSimulator sim, int index, Scenario.Step step) throws InvalidScenarioException {
        String where = "steps[" + index + "]";
        if (step.advance() != null) {
            Duration by = DurationText.parse(step.advance());
            sim.control().advance(by);
            line(sim, "advance " + step.advance());
        } else if (step.fault() != null) {
            try {
                sim.control().addFault(FaultRuleJson.parse(step.fault(), "rule-" + index));
            } catch (RuntimeException e) {
                throw new InvalidScenarioException(where + ".fault: " + e.getMessage());
            }
            line(sim, "fault " + step.fault());
        } else if (step.operation() != null) {
            request(sim, where, new Scenario.Step(step.name(), NamedOperations.request(step.operation()), null,
                    step.until(), step.within(), step.every(), step.expect(), step.save(), null, null));
        } else {
            request(sim, where, step);
        }
    }

    private void request(NovaSimulator sim, String where, Scenario.Step step) throws InvalidScenarioException {
        Scenario.Request request = step.request();
        String method = request.method() == null ? "GET" : request.method().toUpperCase(Locale.ROOT);
        String path = substitute(where + ".request.path", request.path());
        String body = request.body() == null ? null : substitute(where + ".request.body", request.body().toString());
        String user = request.user() == null ? "demo" : request.user();
        String project = request.project() == null ? "demo" : request.project();
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            http.header("Content-Type", "application/json");
        }
        if (!"none".equals(user)) {
            http.header("X-Auth-Token", token(sim, user, request.password() == null ? "secret" : request.password(),
                    project));
        }
        if (request.microversion() != null) {
            http.header("OpenStack-API-Version", "compute " + request.microversion());
        }
        if (request.headers() != null) {
            request.headers().forEach(http::header);
        }
        line(sim, (step.name() == null ? "" : step.name() + ": ") + user + " -> " + method + " " + path
                + (body == null ? "" : " " + body)
                + (step.until() == null ? "" : " (again every " + every(step) + " until it holds, within "
                + step.within() + ")"));
        HttpResponse<String> response = send(http.build());
        JsonNode json = parse(response.body());
        List<Verdict> waited = List.of();
        if (step.until() != null) {
            // Poll as a client's wait loop does, on virtual time: advance, ask again; stop when it holds or at the
            // bound.
            Instant deadline = sim.control().now().plus(DurationText.parse(step.within()));
            Duration interval = DurationText.parse(every(step));
            int requests = 1;
            waited = evaluate(where, step.until(), response, json);
            while (!waited.stream().allMatch(Verdict::passed)
                    && !sim.control().now().plus(interval).isAfter(deadline)) {
                sim.control().advance(interval);
                response = send(http.build());
                json = parse(response.body());
                waited = evaluate(where, step.until(), response, json);
                requests++;
            }
            line(sim, requests + (requests == 1 ? " request" : " requests"));
        }
        // The port is new every run: links show {base} instead, so transcripts compare byte for byte.
        line(sim, "<- " + response.statusCode() + (response.body().isEmpty() ? ""
                : " " + response.body().replace(sim.baseUri().toString(), "{base}")));
        for (Verdict verdict : waited) {
            record(new Verdict("until " + verdict.what(), verdict.passed(), verdict.otherwise()));
        }
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

    /** What {@code expect} says of this answer, one verdict per thing it checks. */
    private List<Verdict> evaluate(String where, Scenario.Expect expect, HttpResponse<String> response,
                                   JsonNode json) throws InvalidScenarioException {
        List<Verdict> verdicts = new ArrayList<>();
        if (expect.status() != null) {
            verdicts.add(new Verdict("status " + expect.status(), expect.status() == response.statusCode(),
                    "was " + response.statusCode()));
        }
        if (expect.headers() != null) {
            for (Map.Entry<String, String> header : expect.headers().entrySet()) {
                String value = substitute(where + ".expect.headers", header.getValue());
                String actual = response.headers().firstValue(header.getKey()).orElse(null);
                verdicts.add(new Verdict("header " + header.getKey() + ": " + value, value.equals(actual),
                        "was " + actual));
            }
        }
        if (expect.fault() != null || expect.message() != null) {
            verdicts.addAll(faultVerdicts(where, expect, json));
        }
        if (expect.json() != null) {
            for (Map.Entry<String, JsonNode> entry : expect.json().entrySet()) {
                String pointer = entry.getKey();
                JsonNode value = entry.getValue().isTextual()
                        ? JSON.getNodeFactory().textNode(substitute(where + ".expect.json", entry.getValue().asText()))
                        : entry.getValue();
                JsonNode actual = json == null ? null : json.at(pointer);
                boolean same = actual != null && !actual.isMissingNode() && (value.isValueNode()
                        ? value.asText().equals(actual.asText()) && value.isNull() == actual.isNull()
                        : value.equals(actual));
                String was = actual == null || actual.isMissingNode() ? "absent" : actual.toString();
                verdicts.add(new Verdict(pointer + " = " + value, same, "was " + was));
            }
        }
        return verdicts;
    }

    /** A fault body is one key, the fault's name, holding an object with its {@code message}. */
    private List<Verdict> faultVerdicts(String where, Scenario.Expect expect, JsonNode json)
            throws InvalidScenarioException {
        List<Verdict> verdicts = new ArrayList<>();
        Map.Entry<String, JsonNode> only = json != null && json.isObject() && json.size() == 1
                ? json.fields().next() : null;
        Map.Entry<String, JsonNode> fault = only != null && only.getValue().has("message") ? only : null;
        if (expect.fault() != null) {
            String actual = fault == null ? null : fault.getKey();
            verdicts.add(new Verdict("fault " + expect.fault(), expect.fault().equals(actual),
                    fault == null ? "no fault in the body" : "was " + actual));
        }
        if (expect.message() != null) {
            // A saved value stands for itself in the pattern, whatever characters it holds.
            String pattern = substitute(where + ".expect.message", expect.message(), Pattern::quote);
            String shown = substitute(where + ".expect.message", expect.message());
            String actual = fault == null ? null : fault.getValue().path("message").asText();
            boolean matches = actual != null && Pattern.compile(pattern).matcher(actual).matches();
            verdicts.add(new Verdict("message ~ " + shown, matches,
                    fault == null ? "no fault in the body" : "was " + actual));
        }
        return verdicts;
    }

    private void record(Verdict verdict) {
        expectations++;
        if (verdict.passed()) {
            transcript.append("    expect ").append(verdict.what()).append(": PASS\n");
        } else {
            fail(verdict.what() + " (" + verdict.otherwise() + ")");
        }
    }

    private static String every(Scenario.Step step) {
        return step.every() == null ? "1s" : step.every();
    }

    /** One thing an expectation checks, whether it holds, and what was there instead. */
    private record Verdict(String what, boolean passed, String otherwise) {
    }

    private void fail(String what) {
        failures++;
        transcript.append("    expect ").append(what).append(": FAIL\n");
    }

    private String token(NovaSimulator sim, String user, String password, String project) {
        return tokens.computeIfAbsent(user + "/" + project, key -> {
            String auth = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": "
                    + "{\"name\": \"" + user + "\", \"domain\": {\"name\": \"Default\"}, \"password\": \"" + password
                    + "\"}}}, \"scope\": {\"project\": {\"name\": \"" + project + "\", \"domain\": {\"name\": "
                    + "\"Default\"}}}}}";
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(sim.identityEndpoint()
                            + "/auth/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(auth)).build());
            return response.headers().firstValue("X-Subject-Token").orElse("none");
        });
    }

    private String substitute(String where, String text) throws InvalidScenarioException {
        return substitute(where, text, value -> value);
    }

    /** Replaces each {@code ${name}} with {@code spell} of the value an earlier step saved. */
    private String substitute(String where, String text, java.util.function.UnaryOperator<String> spell)
            throws InvalidScenarioException {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = saved.get(m.group(1));
            if (value == null) {
                throw new InvalidScenarioException(where + ": ${" + m.group(1) + "} was not saved by an earlier step");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(spell.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void line(NovaSimulator sim, String text) {
        Instant now = sim.control().now();
        transcript.append('[').append(now).append("] ").append(text).append('\n');
    }

    private static JsonNode parse(String body) {
        try {
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the simulator did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
