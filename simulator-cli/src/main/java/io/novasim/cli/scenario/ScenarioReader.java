package io.novasim.cli.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.novasim.cli.DurationText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads a scenario file (YAML, or JSON when its name ends in {@code .json}) and checks every step before anything
 * runs.
 */
public final class ScenarioReader {
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loaderOptions(largeDocuments()).build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** JSON is YAML too, but a JSON parser reads a generated 100 000-step file several times faster. */
    private static final com.fasterxml.jackson.databind.json.JsonMapper JSON =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");

    private ScenarioReader() {
    }

    /** SnakeYAML stops at 3 MiB by default; a generated scenario of 100 000 steps is larger. */
    private static org.yaml.snakeyaml.LoaderOptions largeDocuments() {
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(256 * 1024 * 1024);
        return options;
    }

    /** The mapper for a scenario file: JSON when its name ends in {@code .json}, else YAML. */
    static com.fasterxml.jackson.databind.ObjectMapper mapperFor(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }

    public static Scenario read(Path file) throws InvalidScenarioException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidScenarioException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file);
    }

    /** A scenario from its text; {@code file} names it in messages, and its ending says JSON or YAML. */
    public static Scenario parse(String text, Path file) throws InvalidScenarioException {
        Scenario scenario;
        try {
            scenario = mapperFor(file).readValue(text, Scenario.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
                    : "[" + ref.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
            String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            String what = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown
                    ? "unknown field '" + unknown.getPropertyName() + "'; it takes " + String.join(", ",
                    new java.util.TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()))
                    : e.getOriginalMessage().split("\n")[0];
            throw new InvalidScenarioException(file + line + ", " + (path.isEmpty() ? "(top)" : path) + ": " + what);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(file + ": not " + (file.toString().endsWith(".json") ? "JSON" : "YAML")
                    + ": " + e.getOriginalMessage());
        }
        if (scenario == null) {
            throw new InvalidScenarioException(file + ": empty");
        }
        checkStart(file, scenario);
        check(file, scenario.steps());
        return scenario;
    }

    private static void check(Path file, List<Scenario.Step> steps) throws InvalidScenarioException {
        for (int i = 0; i < steps.size(); i++) {
            checkStep(file, i, steps.get(i));
        }
    }

    /** What a step must be before anything runs. */
    static void checkStep(Path file, int i, Scenario.Step step) throws InvalidScenarioException {
        String where = file + ", steps[" + i + "]";
        int kinds = (step.request() != null ? 1 : 0) + (step.operation() != null ? 1 : 0)
                + (step.check() != null ? 1 : 0) + (step.advance() != null ? 1 : 0)
                + (step.fault() != null ? 1 : 0) + (step.removeFault() != null ? 1 : 0)
                + (step.clock() != null ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidScenarioException(where
                    + ": a step has exactly one of request, operation, check, advance, fault, remove_fault, clock");
        }
        if (step.check() != null) {
            if (step.expect() != null || step.save() != null) {
                throw new InvalidScenarioException(where + ": a check is its own expect; save needs an answer");
            }
            if (step.check().readsAnswer() || step.until() != null && step.until().readsAnswer()) {
                throw new InvalidScenarioException(where + ".check: a check reads the state (servers, ports,"
                        + " volumes, actions, faults_fired); status, headers, fault, message and json need a"
                        + " request");
            }
        }
        checkStateFields(where + ".expect", step.expect());
        checkStateFields(where + ".until", step.until());
        checkStateFields(where + ".check", step.check());
        if (step.operation() != null && NamedOperations.missing(step.operation()) != null) {
            throw new InvalidScenarioException(where + ".operation: needs "
                    + NamedOperations.missing(step.operation()));
        }
        if (step.request() != null) {
            if (step.request().path() == null || !step.request().path().startsWith("/")) {
                throw new InvalidScenarioException(where + ".request.path: a path starting with /");
            }
            String method = step.request().method() == null ? "GET"
                    : step.request().method().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new InvalidScenarioException(where + ".request.method: one of " + METHODS);
            }
        } else if (step.operation() == null && step.check() == null && (step.expect() != null
                || step.save() != null || step.until() != null)) {
            throw new InvalidScenarioException(where
                    + ": expect, until and save belong to a request, operation or check step");
        }
        if ((step.until() == null) != (step.within() == null) || step.every() != null && step.until() == null) {
            throw new InvalidScenarioException(where + ": until needs within (the bound in virtual time), and"
                    + " within and every need until");
        }
        for (String bound : java.util.Arrays.asList(step.within(), step.every())) {
            if (bound != null && !positive(bound)) {
                throw new InvalidScenarioException(where + ": within and every are positive durations, e.g. 30s"
                        + " (was " + bound + ")");
            }
        }
        if (step.expect() != null && step.expect().status() != null
                && (step.expect().status() < 100 || step.expect().status() > 599)) {
            throw new InvalidScenarioException(where + ".expect.status: an HTTP status code");
        }
        if (step.expect() != null && step.expect().transport() != null
                && !io.novasim.state.faults.TransportFault.names().contains(step.expect().transport())) {
            throw new InvalidScenarioException(where + ".expect.transport: one of " + String.join(", ",
                    io.novasim.state.faults.TransportFault.names()) + ", not " + step.expect().transport());
        }
        checkMessagePattern(where + ".until", step.until());
        checkMessagePattern(where + ".expect", step.expect());
        if (step.advance() != null) {
            try {
                DurationText.parse(step.advance());
            } catch (RuntimeException e) {
                throw new InvalidScenarioException(where + ".advance: " + e.getMessage());
            }
        }
    }

    /** The scenario's start: one of preset and world, a known dialect, durations of known operations. */
    static void checkStart(Path file, Scenario scenario) throws InvalidScenarioException {
        try {
            Worlds.check(Worlds.of(scenario));
        } catch (InvalidScenarioException e) {
            throw new InvalidScenarioException(file + ", " + e.getMessage());
        }
        try {
            ScenarioRunner.dialect(scenario.dialect(), "dialect");
            ScenarioRunner.timings(scenario.timings());
        } catch (InvalidScenarioException e) {
            throw new InvalidScenarioException(file + ", " + e.getMessage());
        }
    }

    /** State expectations name fields a server, port, volume or action has: a typo is an error, not a FAIL. */
    private static void checkStateFields(String where, Scenario.Expect expect) throws InvalidScenarioException {
        if (expect == null) {
            return;
        }
        java.util.Map<String, java.util.Map<String, java.util.Map<String, com.fasterxml.jackson.databind.JsonNode>>>
                kinds = new java.util.LinkedHashMap<>();
        kinds.put("servers", expect.servers());
        kinds.put("ports", expect.ports());
        kinds.put("volumes", expect.volumes());
        kinds.put("actions", expect.actions());
        for (var kind : kinds.entrySet()) {
            if (kind.getValue() == null) {
                continue;
            }
            java.util.Set<String> known = StateExpectations.FIELDS.get(kind.getKey());
            for (var entity : kind.getValue().entrySet()) {
                for (String field : entity.getValue().keySet()) {
                    if (!known.contains(field)) {
                        throw new InvalidScenarioException(where + "." + kind.getKey() + "." + entity.getKey() + "."
                                + field + ": not a field; one of " + new java.util.TreeSet<>(known));
                    }
                }
            }
        }
    }

    private static boolean positive(String duration) {
        try {
            java.time.Duration parsed = DurationText.parse(duration);
            return !parsed.isZero() && !parsed.isNegative();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A message pattern must compile; {@code ${name}} becomes a saved value, quoted, when the step runs. */
    private static void checkMessagePattern(String where, Scenario.Expect expect) throws InvalidScenarioException {
        if (expect == null || expect.message() == null) {
            return;
        }
        try {
            Pattern.compile(expect.message().replaceAll("\\$\\{[^}]*}", "x"));
        } catch (PatternSyntaxException e) {
            throw new InvalidScenarioException(where + ".message: not a regular expression: " + e.getDescription());
        }
    }
}
