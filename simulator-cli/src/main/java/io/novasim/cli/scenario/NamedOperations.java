package io.novasim.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The requests behind a scenario's named operations ({@code operation: detach-volume}), spelled as a client sends
 * them, so the transcript shows the real call ({@code novasim explain} shows the same requests). Paths start at
 * {@code /servers}: the caller puts the dialect's mount (and tenant) before them.
 */
public final class NamedOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Server actions whose body is {@code {"<action>": null}}. */
    private static final Map<String, String> PLAIN_ACTIONS = Map.ofEntries(Map.entry("stop", "os-stop"),
            Map.entry("start", "os-start"), Map.entry("pause", "pause"), Map.entry("unpause", "unpause"),
            Map.entry("suspend", "suspend"), Map.entry("resume", "resume"), Map.entry("rescue", "rescue"),
            Map.entry("unrescue", "unrescue"), Map.entry("shelve", "shelve"),
            Map.entry("shelve-offload", "shelveOffload"), Map.entry("unshelve", "unshelve"),
            Map.entry("lock", "lock"), Map.entry("unlock", "unlock"), Map.entry("restore", "restore"),
            Map.entry("force-delete", "forceDelete"));
    private static final Map<String, Function<Scenario.NamedOperation, Scenario.Request>> OTHERS = Map.of(
            "reboot", op -> action(op, "reboot", "type",
                    op.type() == null ? "SOFT" : op.type().toUpperCase(java.util.Locale.ROOT)),
            "delete", op -> new Scenario.Request("DELETE", servers(op), null, null, null, null, null, null),
            "attach-interface", op -> new Scenario.Request("POST", servers(op) + "/os-interface",
                    wrap("interfaceAttachment", op.port() != null ? JSON.createObjectNode().put("port_id", op.port())
                            : JSON.createObjectNode().put("net_id", op.network())), null, null, null, null, null),
            "detach-interface", op -> new Scenario.Request("DELETE", servers(op) + "/os-interface/" + op.port(), null,
                    null, null, null, null, null),
            "attach-volume", op -> new Scenario.Request("POST", servers(op) + "/os-volume_attachments",
                    wrap("volumeAttachment", JSON.createObjectNode().put("volumeId", op.volume())), null, null, null,
                    null, null),
            "detach-volume", op -> new Scenario.Request("DELETE", servers(op) + "/os-volume_attachments/"
                    + op.volume(), null, null, null, null, null, null),
            "media-attach", op -> action(op, "media-attach", "imageRef", op.image()),
            "media-detach", op -> action(op, "media-detach", "imageRef", op.image()));

    /** Action bodies by action and argument: see {@link #actionBody}. */
    private static final Map<List<String>, JsonNode> ACTION_BODIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<String> NAMES = java.util.stream.Stream.concat(PLAIN_ACTIONS.keySet().stream(),
            OTHERS.keySet().stream()).sorted().toList();

    private NamedOperations() {
    }

    /** Every name a scenario may use, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    /** What is missing for {@code op} to be sent, or {@code null} when nothing is. */
    static String missing(Scenario.NamedOperation op) {
        if (op.name() == null || !NAMES.contains(op.name())) {
            return "name: one of " + String.join(", ", NAMES);
        }
        if (op.server() == null) {
            return "server";
        }
        return switch (op.name()) {
            case "attach-interface" -> op.port() == null && op.network() == null ? "port or network" : null;
            case "detach-interface" -> op.port() == null ? "port" : null;
            case "attach-volume", "detach-volume" -> op.volume() == null ? "volume" : null;
            case "media-attach", "media-detach" -> op.image() == null ? "image" : null;
            default -> null;
        };
    }

    /** The request {@code op} stands for; {@link #missing} must have found nothing missing. */
    public static Scenario.Request request(Scenario.NamedOperation op) {
        String plain = PLAIN_ACTIONS.get(op.name());
        return plain != null ? action(op, plain, null, null) : OTHERS.get(op.name()).apply(op);
    }

    /** {@code POST .../action} with {@code {"<action>": null}}, or {@code {"<action>": {"<name>": "<value>"}}}. */
    private static Scenario.Request action(Scenario.NamedOperation op, String action, String name, String value) {
        return new Scenario.Request("POST", servers(op) + "/action", actionBody(action, name, value), null, null,
                null, null, null);
    }

    /**
     * An action's body: one node per spelling, the same for every step that sends it (nobody changes a request's
     * body), so a run writes each as text once.
     */
    private static JsonNode actionBody(String action, String name, String value) {
        List<String> key = java.util.Arrays.asList(action, name, value);
        JsonNode known = ACTION_BODIES.get(key);
        if (known != null) {
            return known;
        }
        ObjectNode body = JSON.createObjectNode();
        body.set(action, name == null ? JSON.nullNode() : JSON.createObjectNode().put(name, value));
        if (ACTION_BODIES.size() < 1_000) {
            ACTION_BODIES.put(key, body);
        }
        return body;
    }

    private static ObjectNode wrap(String key, JsonNode value) {
        ObjectNode body = JSON.createObjectNode();
        body.set(key, value);
        return body;
    }

    private static String servers(Scenario.NamedOperation op) {
        return "/servers/" + op.server();
    }
}
