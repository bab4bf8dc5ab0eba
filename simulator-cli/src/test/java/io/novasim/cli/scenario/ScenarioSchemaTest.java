package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema shipped for editors accepts every example and refuses what the reader refuses. */
class ScenarioSchemaTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNode SCHEMA_DOCUMENT = load();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_DOCUMENT);

    private static JsonNode load() {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream("/scenario.schema.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return SCHEMA.validate(YAML.readTree(yaml));
    }

    @Test
    void everyExampleScenarioIsValid() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("../examples"))) {
            examples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(12);
        for (Path example : examples) {
            assertThat(SCHEMA.validate(YAML.readTree(Files.readString(example)))).as(example.toString()).isEmpty();
        }
    }

    @Test
    void refusesWhatTheReaderRefuses() throws IOException {
        assertThat(validate("steps: [{advance: 1s, fault: {effect: {type: delay, seconds: 1}}}]")).isNotEmpty();
        assertThat(validate("steps: [{name: nothing}]")).isNotEmpty();
        assertThat(validate("steps: [{advance: soon}]")).isNotEmpty();
        assertThat(validate("steps: [{advance: 1s, expect: {status: 200}}]")).isNotEmpty();
        assertThat(validate("steps: [{request: {path: v2.1/servers}}]")).isNotEmpty();
        assertThat(validate("steps: [{request: {method: BREW, path: /}}]")).isNotEmpty();
        assertThat(validate("steps: [{request: {path: /}, expect: {status: 999}}]")).isNotEmpty();
        assertThat(validate("steps: [{request: {path: /, verb: GET}}]")).isNotEmpty();
        assertThat(validate("seed: 1\nstpes: []")).isNotEmpty();
        assertThat(validate("steps: [{operation: {name: detach-volume, server: s}}]")).isNotEmpty();
        assertThat(validate("steps: [{operation: {name: detach_volume, server: s, volume: v}}]")).isEmpty();
        assertThat(validate("steps: [{operation: {name: detach_volume, server: s}}]")).isNotEmpty();
        assertThat(validate("steps: [{operation: {name: levitate, server: s}}]")).isNotEmpty();
        assertThat(validate("steps: [{operation: {name: reboot, server: s, type: HARD}, expect: {status: 202},"
                + " until: {status: 202}, within: 5s}]")).isEmpty();
        assertThat(validate("steps: [{fault: {match: {operations: [levitate]}, effect: {type: error}}}]"))
                .isNotEmpty();
        assertThat(validate("preset: demo\nworld: {servers: [{name: web}]}")).isNotEmpty();
        assertThat(validate("preset: moon")).isNotEmpty();
        assertThat(validate("world: {servers: [{name: web, state: levitating}]}")).isNotEmpty();
        assertThat(validate("steps: [{check: {servers: {web: {vm_stat: active}}}}]")).isNotEmpty();
        assertThat(validate("steps: [{check: {servers: {web: {vm_state: active}}}, until: {faults_fired: 1},"
                + " within: 5s}, {remove_fault: rule-1}]")).isEmpty();
        assertThat(validate("dialect: hostway\ntimings: {DETACH_VOLUME: 2s}\nworld: {setup: cloud.yaml,"
                + " ports: [{name: p, network: private}], servers: [{name: n, count: 3, volumes: [data-1]}]}"))
                .isEmpty();
        assertThat(validate("steps: [{request: {path: /v2.1/servers, method: post, microversion: '2.79'},"
                + " expect: {status: 202, json: {/server/id: x}}, save: {server: /server/id}}, {advance: PT2S},"
                + " {advance: 500ms}, {fault: {effect: {type: stuck}, trigger: {after: 1, times: 2}}}]")).isEmpty();
    }

    @Test
    void namesEveryFieldOfTheScenarioRecordsAndEveryOperation() {
        assertThat(names(SCHEMA_DOCUMENT.path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.class));
        JsonNode defs = SCHEMA_DOCUMENT.path("$defs");
        assertThat(names(defs.path("step").path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.Step.class));
        assertThat(names(defs.path("request").path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.Request.class));
        assertThat(names(defs.path("expect").path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.Expect.class));
        assertThat(names(defs.path("operation").path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.NamedOperation.class));
        assertThat(names(defs.path("world").path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.World.class));
        assertThat(names(defs.path("serverSeed").path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.ServerSeed.class));
        assertThat(names(defs.path("portSeed").path("properties")))
                .containsExactlyInAnyOrderElementsOf(components(Scenario.PortSeed.class));
        for (String kind : StateExpectations.FIELDS.keySet()) {
            assertThat(names(defs.path("expect").path("properties").path(kind).path("additionalProperties")
                    .path("properties"))).as(kind).containsExactlyInAnyOrderElementsOf(StateExpectations.FIELDS
                    .get(kind));
        }
        List<String> presets = new ArrayList<>();
        SCHEMA_DOCUMENT.path("properties").path("preset").path("enum").forEach(n -> presets.add(n.asText()));
        assertThat(presets).containsExactlyElementsOf(Worlds.PRESETS);
        List<String> dialects = new ArrayList<>();
        SCHEMA_DOCUMENT.path("properties").path("dialect").path("enum").forEach(n -> dialects.add(n.asText()));
        assertThat(dialects).containsExactlyElementsOf(io.novasim.http.compute.ComputeDialect.all().stream()
                .map(io.novasim.http.compute.ComputeDialect::name).toList());
        List<String> named = new ArrayList<>();
        defs.path("operation").path("properties").path("name").path("enum").forEach(n -> named.add(n.asText()));
        List<String> spellings = new ArrayList<>(NamedOperations.names());
        NamedOperations.names().stream().filter(name -> name.contains("-")).map(name -> name.replace('-', '_'))
                .forEach(spellings::add);
        assertThat(named).as("each name, then its spelling with _").containsExactlyElementsOf(spellings);
        List<String> operations = new ArrayList<>();
        defs.path("fault").path("properties").path("match").path("properties").path("operations").path("items")
                .path("enum").forEach(op -> operations.add(op.asText()));
        List<String> expected = new ArrayList<>(Arrays.stream(Operation.values())
                .map(op -> op.name().toLowerCase(Locale.ROOT)).toList());
        java.util.SortedSet<String> others = new java.util.TreeSet<>();
        for (io.novasim.state.faults.Service service : io.novasim.state.faults.Service.values()) {
            if (service != io.novasim.state.faults.Service.COMPUTE) {
                others.addAll(io.novasim.http.support.ApiOperations.of(service));
            }
        }
        expected.addAll(others);
        assertThat(operations).as("Nova's, then the other services' in name order").containsExactlyElementsOf(expected);
        List<String> services = new ArrayList<>();
        defs.path("fault").path("properties").path("match").path("properties").path("service").path("enum")
                .forEach(service -> services.add(service.asText()));
        assertThat(services).containsExactlyElementsOf(io.novasim.state.faults.Service.names());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        // A component's name in the file is its @JsonProperty when it has one (remove_fault, faults_fired).
        return Arrays.stream(type.getRecordComponents()).map(component -> {
            com.fasterxml.jackson.annotation.JsonProperty renamed = component.getAccessor().getAnnotation(
                    com.fasterxml.jackson.annotation.JsonProperty.class);
            return renamed == null ? component.getName() : renamed.value();
        }).toList();
    }
}
