package io.novasim.cli.explore;

import io.novasim.cli.scenario.Scenario;
import io.novasim.cli.scenario.ScenarioRunner;
import io.novasim.model.catalog.Image;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.Cloud;
import io.novasim.state.command.Caller;
import io.novasim.state.explore.ExploreWorld;
import io.novasim.state.log.EventListener;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scenario's world made ready to explore: its engine as it stands before the first step, and what the steps act on
 * (the world's servers and ports, the cloud's volumes of the servers' project, its ISO images as media), by name.
 *
 * @param scenario the scenario the world comes from, for writing traces as scenarios of the same world
 * @param start    the built world
 * @param explore  the exploration's view of it
 */
record ExploredWorld(Scenario scenario, ScenarioRunner.Start start, ExploreWorld explore) {

    static ExploredWorld of(Scenario scenario, ScenarioRunner.Start start) {
        Cloud engine = start.engine();
        Map<String, String> servers = saved(start, "server.");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("the world has no server to explore: give it one under world.servers");
        }
        Server first = engine.state().servers().stream().filter(s -> servers.containsKey(s.id())).findFirst()
                .orElseThrow();
        Map<String, String> volumes = new LinkedHashMap<>();
        for (CinderVolume volume : engine.state().volumes()) {
            if (volume.projectId().equals(first.projectId())) {
                volumes.put(volume.id(), volume.name());
            }
        }
        Map<String, String> media = new LinkedHashMap<>();
        for (Image image : engine.catalog().images()) {
            if ("iso".equals(image.diskFormat())) {
                media.put(image.id(), image.name());
            }
        }
        Caller owner = new Caller(first.userId(), first.projectId(), false);
        return new ExploredWorld(scenario, start, new ExploreWorld(() -> engine.copy(EventListener.NONE), owner,
                servers, saved(start, "port."), volumes, media));
    }

    /** The world's saved ids of one kind, id to name, by name. */
    private static Map<String, String> saved(ScenarioRunner.Start start, String prefix) {
        Map<String, String> byId = new LinkedHashMap<>();
        start.saved().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> byId.put(e.getValue(), e.getKey().substring(prefix.length())));
        return byId;
    }

    /** How many servers, ports, volumes and media, in words: {@code 1 server, 1 port, 1 volume, 1 medium}. */
    String describe() {
        return count(explore.servers().size(), "server", "servers") + ", "
                + count(explore.ports().size(), "port", "ports") + ", "
                + count(explore.volumes().size(), "volume", "volumes") + ", "
                + count(explore.media().size(), "medium", "media");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
