package io.novasim.cli.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A scenario file: a seed, the world it starts from (a named {@code preset} or a {@code world} of its own), the
 * dialect its named operations speak, operation durations, and steps. A step sends a request (and may {@code expect}
 * things of the answer and of the simulator's state, and {@code save} values from it for later steps as
 * {@code ${name}}), checks the state, advances the virtual clock, or adds or removes a fault rule (in the control
 * plane's JSON form).
 */
public record Scenario(Long seed, String description, String dialect, String preset, World world,
                       Map<String, String> timings, List<Step> steps) {
    public Scenario {
        steps = steps == null ? List.of() : List.copyOf(steps);
        timings = timings == null ? Map.of() : Map.copyOf(timings);
    }

    /**
     * The starting world: the cloud ({@code setup}: a setup file's path, relative to the scenario, or the same
     * mapping inline; the demo cloud when absent), then ports and servers made through the API before the first step.
     */
    public record World(JsonNode setup, List<PortSeed> ports, List<ServerSeed> servers) {
        public World {
            ports = ports == null ? List.of() : List.copyOf(ports);
            servers = servers == null ? List.of() : List.copyOf(servers);
        }
    }

    /** A port made in a network (by name or id) before the first step; its id is saved as {@code ${port.NAME}}. */
    public record PortSeed(String name, String network, String project) {
    }

    /**
     * Servers booted before the first step and brought to {@code state} (default {@code active}): {@code count} of
     * them are named {@code name-1} ... {@code name-N}. Each id is saved as {@code ${server.NAME}}.
     */
    public record ServerSeed(String name, Integer count, String flavor, String image, String network,
                             String project, String state, Boolean locked, List<String> volumes) {
        public ServerSeed {
            volumes = volumes == null ? List.of() : List.copyOf(volumes);
        }
    }

    /**
     * One step: exactly one of {@code request}, {@code operation}, {@code check}, {@code advance}, {@code fault},
     * {@code remove_fault}, {@code clock} (how virtual time moves from then on: {@code {mode: client, step: 1}}). A request (or an operation, which is a request spelled for you) with {@code until} is
     * sent again {@code every} (default 1s) of virtual time until {@code until} holds, for at most {@code within}; a
     * {@code check} with {@code until} waits the same way without sending anything.
     */
    public record Step(String name, Request request, NamedOperation operation, Expect check, Expect until,
                       String within, String every, Expect expect, Map<String, String> save, String advance,
                       JsonNode fault, @JsonProperty("remove_fault") String removeFault, JsonNode clock) {
    }

    /**
     * A named operation on a server ({@code stop}, {@code reboot}, {@code detach-volume}, ...), sent as a client of
     * the {@code dialect} (the scenario's, else Nova v2.1) sends it; {@code type} is a reboot's {@code SOFT}
     * (default) or {@code HARD}.
     */
    public record NamedOperation(String name, String server, String port, String network, String volume,
                                 String image, String type, String dialect, String user, String project) {
        /** {@code detach_volume} is {@code detach-volume}: fault rules and {@code explain} take both spellings. */
        public NamedOperation {
            name = name == null ? null : name.replace('_', '-');
        }
    }

    /** An API request, sent as {@code user} of {@code project} (the demo user when absent). */
    public record Request(String method, String path, JsonNode body, String user, String password, String project,
                          String microversion, Map<String, String> headers) {
    }

    /**
     * What must hold. Of the answer: a status, headers, the fault's name (the body's one key, as
     * {@code conflictingRequest} in {@code {"conflictingRequest": {"code": 409, "message": ...}}}), a regular
     * expression its message matches whole, and values at JSON pointers of the body. Of the simulator's state (read
     * through the control interface): fields of servers, ports and volumes (keyed by name, id or {@code ${saved}}),
     * each server's newest instance action, and how many faults fired so far. {@code transport} names the transport
     * fault a fault rule lost the answer to ({@code reset}, {@code empty}, {@code truncated}, {@code malformed},
     * {@code stall}): in memory, such an answer never arrives, and only this expectation holds for it.
     */
    public record Expect(Integer status, Map<String, String> headers, String fault, String message,
                         Map<String, JsonNode> json, Map<String, Map<String, JsonNode>> servers,
                         Map<String, Map<String, JsonNode>> ports, Map<String, Map<String, JsonNode>> volumes,
                         Map<String, Map<String, JsonNode>> actions,
                         @JsonProperty("faults_fired") Integer faultsFired, String transport) {

        /** Whether it says anything about an answer (not only about the state). */
        boolean readsAnswer() {
            return status != null || headers != null || fault != null || message != null || json != null
                    || transport != null;
        }

        /** Whether it says anything about the simulator's state. */
        boolean readsState() {
            return servers != null || ports != null || volumes != null || actions != null || faultsFired != null;
        }
    }
}
