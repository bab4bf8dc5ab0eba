package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.SimulatorControl;
import io.novasim.report.RunReport.Entry;
import io.novasim.report.RunReport.Kind;
import io.novasim.model.catalog.Image;
import io.novasim.model.network.Network;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a scenario's world before its first step, through the same API a client uses: ports, then servers booted
 * and brought to their states (volumes attached, stopped, paused, locked, ...). The work runs to completion on
 * virtual time; the transcript shows one line per server as it stands when the first step runs. The ids are saved
 * for the steps as {@code ${server.NAME}}, {@code ${port.NAME}} and {@code ${volume.NAME}} (the cloud's volumes).
 */
final class WorldBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The server action that brings an ACTIVE server to a state, by the state's name (shelve offloads later). */
    private static final Map<String, String> ACTIONS = Map.of("shutoff", "os-stop", "paused", "pause",
            "suspended", "suspend", "rescued", "rescue", "shelved_offloaded", "shelve");

    private final ScenarioRunner runner;
    private final SimulatorControl control;

    WorldBuilder(ScenarioRunner runner) {
        this.runner = runner;
        this.control = runner.simulator().control();
    }

    /** One server to make: its name and how. */
    private record Planned(String name, Scenario.ServerSeed seed, String project) {
    }

    void build(Scenario.World world) throws InvalidScenarioException {
        for (CinderVolume volume : control.state().volumes()) {
            runner.save("volume." + volume.name(), volume.id());
        }
        if (world.ports().isEmpty() && world.servers().isEmpty()) {
            runner.narrator().skip();
            return;
        }
        for (Scenario.PortSeed port : world.ports()) {
            String project = port.project() == null ? "demo" : port.project();
            ObjectNode body = JSON.createObjectNode();
            body.putObject("port").put("name", port.name()).put("network_id", network(port.network(), "port"));
            String id = runner.call("POST", "/network/v2.0/ports", body.toString(), project, "2.1").at("/port/id")
                    .asText();
            runner.save("port." + port.name(), id);
        }
        List<Planned> planned = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        for (Scenario.ServerSeed seed : world.servers()) {
            String project = seed.project() == null ? "demo" : seed.project();
            List<String> names = Worlds.names(seed);
            names.forEach(name -> planned.add(new Planned(name, seed, project)));
            if (names.size() == 1) {
                ids.put(names.get(0), create(seed, names.get(0), project, 1));
            } else {
                // One multi-create names them NAME-1 to NAME-count, as the world does.
                create(seed, seed.name(), project, names.size());
            }
        }
        // A multi-create's answer names its first server only: the others are found by name (a world's are unique).
        String[] remaining = planned.stream().map(Planned::name).filter(name -> !ids.containsKey(name))
                .toArray(String[]::new);
        if (remaining.length > 0) {
            java.util.Set<String> wanted = java.util.Set.of(remaining);
            control.state().servers().stream().filter(server -> wanted.contains(server.name()))
                    .forEach(server -> ids.put(server.name(), server.id()));
        }
        for (Planned server : planned) {
            String id = ids.get(server.name());
            runner.save("server." + server.name(), id);
            runner.narrator().name(id, server.name());
        }
        control.runUntilIdle();
        for (Planned server : planned) {
            for (String volume : server.seed().volumes()) {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("volumeAttachment").put("volumeId", volume(volume, server));
                // 2.60: a multiattach volume may be attached.
                runner.call("POST", "/v2.1/servers/" + ids.get(server.name()) + "/os-volume_attachments",
                        body.toString(), server.project(), "2.60");
            }
        }
        control.runUntilIdle();
        for (Planned server : planned) {
            String action = ACTIONS.get(state(server));
            if (action != null) {
                runner.call("POST", "/v2.1/servers/" + ids.get(server.name()) + "/action",
                        "{\"" + action + "\": null}", server.project(), "2.1");
            }
        }
        control.runUntilIdle();
        for (Planned server : planned) {
            if ("error".equals(state(server))) {
                control.forceState(ids.get(server.name()), "error");
            }
            if (Boolean.TRUE.equals(server.seed().locked())) {
                runner.call("POST", "/v2.1/servers/" + ids.get(server.name()) + "/action", "{\"lock\": null}",
                        server.project(), "2.1");
            }
        }
        runner.narrator().skip();
        runner.add(Kind.WORLD, "world: " + world.ports().size() + (world.ports().size() == 1 ? " port, " : " ports, ")
                + planned.size() + (planned.size() == 1 ? " server" : " servers") + " made before the first step",
                null);
        Map<String, Server> servers = new LinkedHashMap<>();
        control.state().servers().forEach(server -> servers.put(server.id(), server));
        for (Planned made : planned) {
            Server server = servers.get(ids.get(made.name()));
            runner.addEntry(new Entry(control.now(), Kind.SERVER, "server " + server.name() + " (" + server.id()
                    + "): " + server.status() + ", vm_state " + server.vmState() + ", task_state "
                    + server.taskState() + (server.locked() ? ", locked" : ""), server.name(),
                    runner.narrator().fields(server.vmState(), server.taskState(), server.powerState())));
        }
    }

    /** Boots {@code count} servers of the seed in one request; returns the (first) server's id. */
    private String create(Scenario.ServerSeed seed, String name, String project, int count)
            throws InvalidScenarioException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode spec = body.putObject("server").put("name", name).put("imageRef", image(seed.image()))
                .put("flavorRef", seed.flavor() == null ? "1" : seed.flavor());
        if (seed.network() != null) {
            spec.putArray("networks").addObject().put("uuid", network(seed.network(), name));
        }
        if (count > 1) {
            spec.put("min_count", count).put("max_count", count);
        }
        return runner.call("POST", "/v2.1/servers", body.toString(), project, "2.1").at("/server/id").asText();
    }

    private String state(Planned server) {
        return server.seed().state() == null ? "active" : server.seed().state();
    }

    private String image(String nameOrId) throws InvalidScenarioException {
        List<Image> images = runner.setup().catalog().images();
        if (nameOrId == null) {
            return images.get(0).id();
        }
        return images.stream().filter(image -> image.id().equals(nameOrId) || image.name().equals(nameOrId))
                .map(Image::id).findFirst()
                .orElseThrow(() -> new InvalidScenarioException("world: no image " + nameOrId));
    }

    private String network(String nameOrId, String forWhom) throws InvalidScenarioException {
        return runner.setup().catalog().networks().stream()
                .filter(network -> network.id().equals(nameOrId) || network.name().equals(nameOrId))
                .map(Network::id).findFirst()
                .orElseThrow(() -> new InvalidScenarioException("world: no network " + nameOrId + " (for "
                        + forWhom + ")"));
    }

    private String volume(String nameOrId, Planned server) throws InvalidScenarioException {
        String projectId = runner.projectId(server.project());
        return control.state().volumes().stream().filter(volume -> volume.projectId().equals(projectId))
                .filter(volume -> volume.id().equals(nameOrId) || volume.name().equals(nameOrId))
                .map(CinderVolume::id).findFirst()
                .orElseThrow(() -> new InvalidScenarioException("world: no volume " + nameOrId + " in project "
                        + server.project() + " (for " + server.name() + ")"));
    }
}
