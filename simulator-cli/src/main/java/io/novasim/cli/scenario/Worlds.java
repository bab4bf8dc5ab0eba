package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.novasim.CloudSetup;
import io.novasim.cli.setup.InvalidSetupException;
import io.novasim.cli.setup.SetupReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Where a scenario starts: a named preset shipped with novasim, or the scenario's own {@code world}. Presets are
 * world files under {@code io/novasim/cli/presets/}.
 */
public final class Worlds {
    /** The presets a scenario may name, in the order {@code novasim run --help} lists them. */
    public static final List<String> PRESETS = List.of("demo", "web-tier", "baremetal");
    /**
     * The states a world's server can be brought to before the first step. Not {@code shelved}: a shelved server is
     * offloaded when its offload time passes, and the world is built by running all work to its end.
     */
    static final Set<String> SERVER_STATES = Set.of("active", "shutoff", "paused", "suspended", "rescued",
            "shelved_offloaded", "error");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Worlds() {
    }

    /** The world a scenario names: its own, a preset's, or the empty demo world. */
    static Scenario.World of(Scenario scenario) throws InvalidScenarioException {
        if (scenario.preset() != null && scenario.world() != null) {
            throw new InvalidScenarioException("preset and world: a scenario starts from one or the other");
        }
        if (scenario.world() != null) {
            return scenario.world();
        }
        return preset(scenario.preset() == null ? "demo" : scenario.preset());
    }

    static Scenario.World preset(String name) throws InvalidScenarioException {
        if (!PRESETS.contains(name)) {
            throw new InvalidScenarioException("preset: one of " + String.join(", ", PRESETS) + " (was " + name
                    + ")");
        }
        try (InputStream in = Worlds.class.getResourceAsStream("/io/novasim/cli/presets/" + name + ".yaml")) {
            return YAML.readValue(in, Scenario.World.class);
        } catch (IOException e) {
            throw new IllegalStateException("preset " + name + " is not readable", e);
        }
    }

    /** The cloud of a world: its {@code setup} (a file relative to {@code base}, or inline), else the demo cloud. */
    static CloudSetup setup(Scenario.World world, Path base) throws InvalidScenarioException {
        if (world.setup() == null || world.setup().isNull()) {
            return CloudSetup.demo();
        }
        try {
            if (world.setup().isTextual()) {
                return SetupReader.read(base.resolve(world.setup().asText()));
            }
            return SetupReader.parse(world.setup().toString(), SetupReader.Format.JSON);
        } catch (InvalidSetupException e) {
            throw new InvalidScenarioException("world.setup" + (e.path().isEmpty() ? "" : "." + e.path()) + ": "
                    + e.problem());
        }
    }

    /** The names the servers of a world get: {@code name}, or {@code name-1} ... {@code name-N} with a count. */
    static List<String> names(Scenario.ServerSeed seed) {
        if (seed.count() == null) {
            return List.of(seed.name());
        }
        return java.util.stream.IntStream.rangeClosed(1, seed.count()).mapToObj(i -> seed.name() + "-" + i).toList();
    }

    /** Checks a world's servers and ports before anything runs. */
    static void check(Scenario.World world) throws InvalidScenarioException {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < world.servers().size(); i++) {
            Scenario.ServerSeed server = world.servers().get(i);
            String where = "world.servers[" + i + "]";
            if (server.name() == null || server.name().isBlank()) {
                throw new InvalidScenarioException(where + ".name: required");
            }
            if (server.count() != null && server.count() < 1) {
                throw new InvalidScenarioException(where + ".count: at least 1");
            }
            if (server.state() != null && !SERVER_STATES.contains(server.state())) {
                throw new InvalidScenarioException(where + ".state: one of " + new java.util.TreeSet<>(SERVER_STATES)
                        + " (was " + server.state() + ")");
            }
            for (String name : names(server)) {
                if (!names.add(name)) { // ${server.NAME} must name one server
                    throw new InvalidScenarioException(where + ".name: a second server named " + name);
                }
            }
        }
        for (int i = 0; i < world.ports().size(); i++) {
            Scenario.PortSeed port = world.ports().get(i);
            if (port.name() == null || port.network() == null) {
                throw new InvalidScenarioException("world.ports[" + i + "]: needs name and network");
            }
        }
    }
}
