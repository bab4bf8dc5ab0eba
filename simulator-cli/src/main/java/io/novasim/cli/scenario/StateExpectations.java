package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.model.action.InstanceAction;
import io.novasim.model.action.InstanceActionEvent;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.CloudState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Checks what an {@code expect} says of the simulator's state, read through the control interface: the fields of
 * servers, ports and volumes as an API user sees them, each server's newest instance action, the faults that fired.
 */
final class StateExpectations {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields a scenario may check, per kind: a typo is refused before anything runs. */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "servers", Set.of("id", "name", "vm_state", "task_state", "power_state", "status", "locked"),
            "ports", Set.of("id", "name", "status", "device_id", "device_owner", "network_id", "fixed_ips"),
            "volumes", Set.of("id", "name", "status", "attachments"),
            "actions", Set.of("action", "message", "result", "events"));

    private StateExpectations() {
    }

    /**
     * One verdict per field checked.
     *
     * @param resolve turns a key or expected text holding {@code ${name}} into its saved value
     */
    static List<Verdict> evaluate(Scenario.Expect expect, CloudState state, UnaryOperator<String> resolve) {
        List<Verdict> verdicts = new ArrayList<>();
        check(verdicts, "server", expect.servers(), key -> find(state.servers(), resolve.apply(key), Server::id,
                Server::name).map(StateExpectations::view), resolve);
        check(verdicts, "port", expect.ports(), key -> find(state.ports(), resolve.apply(key), Port::id, Port::name)
                .map(StateExpectations::view), resolve);
        check(verdicts, "volume", expect.volumes(), key -> find(state.volumes(), resolve.apply(key), CinderVolume::id,
                CinderVolume::name).map(volume -> view(volume, state)), resolve);
        if (expect.actions() != null) {
            for (Map.Entry<String, Map<String, JsonNode>> entry : expect.actions().entrySet()) {
                String key = resolve.apply(entry.getKey());
                java.util.Optional<Server> server = find(state.servers(), key, Server::id, Server::name);
                JsonNode wanted = entry.getValue().get("action");
                String name = wanted == null || wanted.isNull() ? null : resolve.apply(wanted.asText());
                List<InstanceAction> actions = server.map(s -> state.actions().getOrDefault(s.id(), List.of()))
                        .orElse(List.of());
                java.util.Optional<ObjectNode> newest = actions.stream()
                        .filter(action -> name == null || name.equals(action.action()))
                        .max(Comparator.comparing(InstanceAction::startTime)).map(StateExpectations::view);
                String what = "newest " + (name == null ? "action" : name) + " of " + entry.getKey();
                Map<String, JsonNode> fields = new java.util.LinkedHashMap<>(entry.getValue());
                fields.remove("action");
                if (fields.isEmpty()) {
                    verdicts.add(new Verdict(what + " exists", newest.isPresent(), "there is none"));
                }
                compare(verdicts, what, server.isEmpty() ? "no server " + key
                        : newest.isEmpty() ? "there is none" : null, newest.orElse(null), fields, resolve);
            }
        }
        if (expect.faultsFired() != null) {
            int fired = state.firedFaults().size();
            verdicts.add(new Verdict("faults_fired " + expect.faultsFired(), fired == expect.faultsFired(),
                    "was " + fired));
        }
        return verdicts;
    }

    private static void check(List<Verdict> verdicts, String kind, Map<String, Map<String, JsonNode>> expected,
                              Function<String, java.util.Optional<ObjectNode>> lookup, UnaryOperator<String> resolve) {
        if (expected == null) {
            return;
        }
        for (Map.Entry<String, Map<String, JsonNode>> entry : expected.entrySet()) {
            java.util.Optional<ObjectNode> actual = lookup.apply(entry.getKey());
            compare(verdicts, kind + " " + entry.getKey(), actual.isEmpty() ? "no " + kind + " "
                    + resolve.apply(entry.getKey()) : null, actual.orElse(null), entry.getValue(), resolve);
        }
    }

    private static void compare(List<Verdict> verdicts, String what, String absent, ObjectNode actual,
                                Map<String, JsonNode> fields, UnaryOperator<String> resolve) {
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            JsonNode value = field.getValue().isTextual()
                    ? JSON.getNodeFactory().textNode(resolve.apply(field.getValue().asText())) : field.getValue();
            String label = what + " " + field.getKey() + " = " + value;
            if (absent != null) {
                verdicts.add(new Verdict(label, false, absent));
                continue;
            }
            JsonNode was = actual.path(field.getKey());
            boolean same = value.isValueNode() && was.isValueNode()
                    ? value.isNull() == was.isNull() && value.asText().equals(was.asText()) : value.equals(was);
            verdicts.add(new Verdict(label, same, "was " + was));
        }
    }

    /** The entity whose id, or else whose only name, is {@code key}. */
    private static <T> java.util.Optional<T> find(List<T> all, String key, Function<T, String> id,
                                                  Function<T, String> name) {
        java.util.Optional<T> byId = all.stream().filter(item -> key.equals(id.apply(item))).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        List<T> named = all.stream().filter(item -> key.equals(name.apply(item))).toList();
        return named.size() == 1 ? java.util.Optional.of(named.get(0)) : java.util.Optional.empty();
    }

    private static ObjectNode view(Server server) {
        return JSON.createObjectNode().put("id", server.id()).put("name", server.name())
                .put("vm_state", server.vmState().value()).put("task_state", server.taskState().value())
                .put("power_state", server.powerState().code()).put("status", server.status().name())
                .put("locked", server.locked());
    }

    private static ObjectNode view(Port port) {
        ObjectNode node = JSON.createObjectNode().put("id", port.id()).put("name", port.name())
                .put("status", port.status()).put("device_id", port.deviceId())
                .put("device_owner", port.deviceOwner()).put("network_id", port.networkId());
        port.fixedIps().forEach(ip -> node.withArray("fixed_ips").add(ip.ipAddress()));
        return node;
    }

    private static ObjectNode view(CinderVolume volume, CloudState state) {
        ObjectNode node = JSON.createObjectNode().put("id", volume.id()).put("name", volume.name())
                .put("status", volume.status().value());
        node.put("attachments", state.volumeAttachments().stream()
                .filter(attachment -> attachment.volumeId().equals(volume.id())).count());
        return node;
    }

    private static ObjectNode view(InstanceAction action) {
        List<InstanceActionEvent> events = action.events();
        return JSON.createObjectNode().put("action", action.action()).put("message", action.message())
                .put("result", events.isEmpty() ? null : events.get(events.size() - 1).result())
                .put("events", events.size());
    }
}
