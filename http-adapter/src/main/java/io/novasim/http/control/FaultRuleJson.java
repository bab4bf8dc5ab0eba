package io.novasim.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Json;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.TaskState;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fault rules as JSON, for the control plane and scenario files:
 * <pre>{@code
 * {"id": "flaky-detach",
 *  "match": {"operations": ["detach_interface"], "server_name": "web-.*"},
 *  "effect": {"type": "error", "code": 503, "fault_name": "serviceUnavailable", "message": "try later"},
 *  "trigger": {"times": 2}}
 * }</pre>
 * Effects: {@code error} (code, fault_name, message), {@code delay} (seconds), {@code stuck} (task_state, seconds or
 * absent for "until released"), {@code fail} (code, message). Triggers: after, times, probability.
 */
public final class FaultRuleJson {
    private FaultRuleJson() {
    }

    public static FaultRule parse(JsonNode rule, String defaultId) {
        if (rule == null || !rule.isObject()) {
            throw Refusal.FAULT_RULE_NOT_AN_OBJECT.exception();
        }
        String id = rule.path("id").asText(defaultId);
        return new FaultRule(id, match(rule.path("match")), effect(rule.path("effect")), trigger(rule.path("trigger")));
    }

    private static FaultMatch match(JsonNode match) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        for (JsonNode op : match.path("operations")) {
            operations.add(operation(op.asText()));
        }
        FaultMatch result = FaultMatch.any().withOperations(operations);
        if (match.hasNonNull("server_id")) {
            result = result.onServer(match.get("server_id").asText());
        }
        if (match.hasNonNull("server_name")) {
            try {
                result = result.onServerNamed(match.get("server_name").asText());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw Refusal.SERVER_NAME_NOT_A_PATTERN.exception(e.getDescription());
            }
        }
        if (match.hasNonNull("project_id")) {
            result = result.inProject(match.get("project_id").asText());
        }
        if (match.hasNonNull("port_id")) {
            result = result.onPort(match.get("port_id").asText());
        }
        if (match.hasNonNull("volume_id")) {
            result = result.onVolume(match.get("volume_id").asText());
        }
        if (match.hasNonNull("image_id")) {
            result = result.onImage(match.get("image_id").asText());
        }
        return result;
    }

    public static Operation operation(String name) {
        try {
            return Operation.named(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.UNKNOWN_OPERATION.exception(name, List.of(Operation.values()));
        }
    }

    private static FaultEffect effect(JsonNode effect) {
        String type = effect.path("type").asText("");
        try {
            return switch (type) {
                case "error" -> new FaultEffect.Error(effect.path("code").asInt(500),
                        effect.path("fault_name").asText(faultNameFor(effect.path("code").asInt(500))),
                        effect.path("message").asText("Injected by novasim"));
                case "delay" -> new FaultEffect.Delay(seconds(effect.path("seconds")));
                case "stuck" -> new FaultEffect.Stuck(effect.hasNonNull("task_state")
                        ? TaskState.fromValue(effect.get("task_state").asText()) : null,
                        effect.hasNonNull("seconds") ? seconds(effect.get("seconds")) : null);
                case "fail" -> new FaultEffect.FailCompletion(effect.path("code").asInt(500),
                        effect.path("message").asText("Injected failure"));
                default -> throw Refusal.UNKNOWN_EFFECT_TYPE.exception(type);
            };
        } catch (IllegalArgumentException e) {
            throw Refusal.INVALID_EFFECT.exception(e.getMessage());
        }
    }

    private static String faultNameFor(int code) {
        return switch (code) {
            case 400 -> "badRequest";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }

    private static Duration seconds(JsonNode value) {
        if (!value.isNumber()) {
            throw Refusal.SECONDS_NOT_A_NUMBER.exception();
        }
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private static Trigger trigger(JsonNode trigger) {
        try {
            return new Trigger(trigger.path("after").asInt(0), trigger.path("times").asInt(-1),
                    trigger.path("probability").asDouble(1.0));
        } catch (IllegalArgumentException e) {
            throw Refusal.INVALID_TRIGGER.exception(e.getMessage());
        }
    }

    public static Map<String, Object> write(FaultRule rule) {
        Map<String, Object> json = Json.object();
        json.put("id", rule.id());
        Map<String, Object> match = new LinkedHashMap<>();
        List<String> ops = new ArrayList<>();
        rule.match().operations().stream().sorted().forEach(op -> ops.add(op.name().toLowerCase(Locale.ROOT)));
        match.put("operations", ops);
        putIfSet(match, "server_id", rule.match().serverId());
        putIfSet(match, "server_name", rule.match().serverName() == null ? null : rule.match().serverName().pattern());
        putIfSet(match, "project_id", rule.match().projectId());
        putIfSet(match, "port_id", rule.match().portId());
        putIfSet(match, "volume_id", rule.match().volumeId());
        putIfSet(match, "image_id", rule.match().imageId());
        json.put("match", match);
        json.put("effect", effect(rule.effect()));
        Map<String, Object> trigger = Json.object();
        trigger.put("after", rule.trigger().after());
        trigger.put("times", rule.trigger().times());
        trigger.put("probability", rule.trigger().probability());
        json.put("trigger", trigger);
        return json;
    }

    public static Map<String, Object> effect(FaultEffect effect) {
        Map<String, Object> json = Json.object();
        if (effect instanceof FaultEffect.Error error) {
            json.put("type", "error");
            json.put("code", error.code());
            json.put("fault_name", error.faultName());
            json.put("message", error.message());
        } else if (effect instanceof FaultEffect.Delay delay) {
            json.put("type", "delay");
            json.put("seconds", delay.extra().toMillis() / 1000.0);
        } else if (effect instanceof FaultEffect.Stuck stuck) {
            json.put("type", "stuck");
            json.put("task_state", stuck.task() == null ? null : stuck.task().value());
            json.put("seconds", stuck.stuckFor() == null ? null : stuck.stuckFor().toMillis() / 1000.0);
        } else if (effect instanceof FaultEffect.FailCompletion fail) {
            json.put("type", "fail");
            json.put("code", fail.code());
            json.put("message", fail.message());
        }
        return json;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
