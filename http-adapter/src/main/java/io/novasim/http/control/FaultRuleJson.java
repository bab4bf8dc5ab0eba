package io.novasim.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.ApiOperations;
import io.novasim.http.support.Json;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.TaskState;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Latency;
import io.novasim.state.faults.TransportFault;
import io.novasim.state.faults.Rate;
import io.novasim.state.faults.RouteMatch;
import io.novasim.state.faults.Service;
import io.novasim.state.faults.Trigger;
import io.novasim.state.faults.Window;
import io.novasim.state.rules.Operation;

import java.time.Duration;
import java.time.Instant;
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
 * A match is of Nova's calls unless it names another {@code service} ({@code identity}, {@code network},
 * {@code volume}, {@code image}), whose operations it then names as that service does ({@code get_volume}).
 * Effects: {@code error} (code, fault_name, message, retry_after), {@code delay} of the asynchronous completion
 * (seconds, or a latency to draw: see {@link LatencyJson}), {@code stuck} (task_state, seconds or absent for "until
 * released"), {@code fail} (code, message), {@code slow_answer} (seconds or latency, as delay), {@code transport}
 * (fault: reset, empty, truncated, malformed, stall) and {@code outage} (the matched service is down). Triggers:
 * after, times, probability, a rate per project, and a window on virtual time:
 * {@code {"window": {"starts_in": 120, "lasts": 300, "ramp": true}}}, or {@code from} and {@code until} as instants;
 * {@code starts_in} and {@code lasts} are seconds from when the rule is added, and the rule is written back with the
 * instants they came to. Every object refuses a key it does not take, naming those it does.
 */
public final class FaultRuleJson {
    private FaultRuleJson() {
    }

    /** The keys a rule takes. */
    private static final List<String> RULE_KEYS = List.of("id", "match", "effect", "trigger");
    /** The keys a trigger takes, and those of its window. */
    private static final List<String> TRIGGER_KEYS = List.of("after", "times", "probability", "window", "rate");
    private static final List<String> RATE_KEYS = List.of("calls", "per");
    private static final List<String> WINDOW_KEYS = List.of("from", "starts_in", "until", "lasts", "ramp");

    /**
     * A rule from its JSON.
     *
     * @param defaultId the rule's id when it names none
     * @param now       virtual time now, which a window's {@code starts_in} and {@code lasts} count from
     */
    public static FaultRule parse(JsonNode rule, String defaultId, Instant now) {
        if (rule == null || !rule.isObject()) {
            throw Refusal.FAULT_RULE_NOT_AN_OBJECT.exception();
        }
        rule.fieldNames().forEachRemaining(key -> {
            if (!RULE_KEYS.contains(key)) {
                throw Refusal.INVALID_RULE.exception("unknown key '" + key + "' in a fault rule; it takes "
                        + String.join(", ", RULE_KEYS));
            }
        });
        String id = rule.path("id").asText(defaultId);
        FaultMatch match = match(rule.path("match"));
        FaultEffect effect = effect(rule.path("effect"));
        Trigger trigger = trigger(rule.path("trigger"), now);
        try {
            return new FaultRule(id, match, effect, trigger);
        } catch (IllegalArgumentException e) {
            throw Refusal.INVALID_RULE.exception(e.getMessage());
        }
    }

    /** The keys a match takes. */
    private static final List<String> MATCH_KEYS = List.of("service", "operations", "server_id", "server_name",
            "project_id", "port_id", "volume_id", "image_id", "route");
    private static final List<String> ROUTE_KEYS = List.of("method", "path", "headers");

    private static FaultMatch match(JsonNode match) {
        if (match.isMissingNode() || match.isNull()) {
            return FaultMatch.any();
        }
        if (!match.isObject()) {
            throw Refusal.INVALID_MATCH.exception("match must be an object with " + String.join(", ", MATCH_KEYS));
        }
        match.fieldNames().forEachRemaining(key -> {
            if (!MATCH_KEYS.contains(key)) {
                throw Refusal.INVALID_MATCH.exception("unknown key '" + key + "' in match; it takes "
                        + String.join(", ", MATCH_KEYS));
            }
        });
        if (match.has("route")) {
            if (match.size() > 1) {
                throw Refusal.INVALID_MATCH.exception("match.route stands alone: an override answers a route, "
                        + "whatever its service or operation");
            }
            return FaultMatch.route(route(match.get("route")));
        }
        Service service = Service.COMPUTE;
        if (match.has("service")) {
            try {
                service = Service.named(match.get("service").asText(""));
            } catch (IllegalArgumentException e) {
                throw Refusal.INVALID_MATCH.exception("match.service must be one of " + String.join(", ",
                        Service.names()) + ", not " + match.get("service"));
            }
        }
        JsonNode named = match.path("operations");
        if (!named.isMissingNode() && !named.isArray()) {
            throw Refusal.INVALID_MATCH.exception("match.operations must be a list of operation names, not " + named);
        }
        FaultMatch result;
        if (service == Service.COMPUTE) {
            Set<Operation> operations = EnumSet.noneOf(Operation.class);
            for (JsonNode op : named) {
                operations.add(operation(op.asText()));
            }
            result = FaultMatch.any().withOperations(operations);
        } else {
            java.util.SortedSet<String> known = ApiOperations.of(service);
            List<String> operations = new ArrayList<>();
            for (JsonNode op : named) {
                String name = op.asText().replace('-', '_');
                if (!known.contains(name)) {
                    throw Refusal.INVALID_MATCH.exception("match.operations: " + service.jsonName() + " has no "
                            + "operation '" + op.asText() + "'; it has " + String.join(", ", known));
                }
                operations.add(name);
            }
            result = FaultMatch.apiCalls(service, operations.toArray(String[]::new));
        }
        try {
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
        } catch (IllegalArgumentException e) {
            throw Refusal.INVALID_MATCH.exception(e.getMessage());
        }
        return result;
    }

    /** A route: {@code method} (any when absent), {@code path} (a regular expression), {@code headers} (regexes). */
    private static RouteMatch route(JsonNode route) {
        if (!route.isObject() || !route.hasNonNull("path")) {
            throw Refusal.INVALID_MATCH.exception("match.route must be an object with path (a regular expression), "
                    + "and optionally method and headers");
        }
        route.fieldNames().forEachRemaining(key -> {
            if (!ROUTE_KEYS.contains(key)) {
                throw Refusal.INVALID_MATCH.exception("unknown key '" + key + "' in match.route; it takes "
                        + String.join(", ", ROUTE_KEYS));
            }
        });
        try {
            RouteMatch parsed = RouteMatch.of(route.hasNonNull("method") ? route.get("method").asText() : null,
                    route.get("path").asText());
            JsonNode headers = route.path("headers");
            if (!headers.isMissingNode() && !headers.isObject()) {
                throw Refusal.INVALID_MATCH.exception("match.route.headers must map header names to regular "
                        + "expressions, not " + headers);
            }
            for (var header : (Iterable<Map.Entry<String, JsonNode>>) headers::fields) {
                parsed = parsed.withHeader(header.getKey(), header.getValue().asText());
            }
            return parsed;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw Refusal.INVALID_MATCH.exception("match.route: not a regular expression: " + e.getDescription()
                    + " in " + e.getPattern());
        }
    }

    public static Operation operation(String name) {
        try {
            return Operation.named(name);
        } catch (IllegalArgumentException e) {
            throw Refusal.UNKNOWN_OPERATION.exception(name, List.of(Operation.values()));
        }
    }

    /** The keys each type of effect takes. */
    private static final Map<String, List<String>> EFFECT_KEYS = Map.of(
            "error", List.of("type", "code", "fault_name", "message", "retry_after"),
            "delay", List.of("type", "seconds", "latency"),
            "stuck", List.of("type", "task_state", "seconds"),
            "fail", List.of("type", "code", "message"),
            "slow_answer", List.of("type", "seconds", "latency"),
            "transport", List.of("type", "fault"),
            "outage", List.of("type"),
            "answer", List.of("type", "status", "headers", "body"));

    private static FaultEffect effect(JsonNode effect) {
        String type = effect.path("type").asText("");
        List<String> keys = EFFECT_KEYS.get(type);
        if (keys != null) {
            effect.fieldNames().forEachRemaining(key -> {
                if (!keys.contains(key)) {
                    throw Refusal.INVALID_EFFECT.exception("unknown key '" + key + "' in an effect of type " + type
                            + "; it takes " + String.join(", ", keys));
                }
            });
        }
        try {
            return switch (type) {
                case "error" -> {
                    FaultEffect.Error named = FaultEffect.Error.of(effect.path("code").asInt(500),
                            effect.path("message").asText("Injected by novasim"));
                    FaultEffect.Error error = new FaultEffect.Error(named.code(),
                            effect.path("fault_name").asText(named.faultName()), named.message());
                    yield effect.has("retry_after") ? error.retryingAfter(retryAfter(effect.get("retry_after")))
                            : error;
                }
                case "delay" -> new FaultEffect.Delay(latency(effect));
                case "slow_answer" -> new FaultEffect.SlowAnswer(latency(effect));
                case "transport" -> new FaultEffect.Transport(transport(effect.path("fault")));
                case "outage" -> new FaultEffect.Outage();
                case "answer" -> answer(effect);
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

    /** A delay's length: {@code seconds} for a fixed one, or a {@code latency} to draw from; one of them. */
    private static Latency latency(JsonNode effect) {
        String type = effect.path("type").asText();
        if (effect.has("seconds") == effect.has("latency")) {
            throw Refusal.INVALID_EFFECT.exception("an effect of type " + type + " takes seconds (a fixed length) or "
                    + "latency (a distribution: " + String.join(", ", LatencyJson.DISTRIBUTIONS.keySet())
                    + "), one of them");
        }
        if (effect.has("latency")) {
            return LatencyJson.parse(effect.get("latency"), "effect.latency");
        }
        JsonNode seconds = effect.get("seconds");
        if (!seconds.isNumber() || seconds.asDouble() < 0) {
            throw Refusal.INVALID_EFFECT.exception("effect.seconds must be a non-negative number of seconds, not "
                    + seconds);
        }
        return Latency.fixed(Duration.ofMillis(Math.round(seconds.asDouble() * 1000)));
    }

    /**
     * An override's answer: a status, headers, and a body as text, or as JSON (written out, and
     * {@code Content-Type: application/json} unless the headers say otherwise).
     */
    private static FaultEffect.Answer answer(JsonNode effect) {
        JsonNode status = effect.path("status");
        if (!status.isIntegralNumber()) {
            throw Refusal.INVALID_EFFECT.exception("effect.status must be an HTTP status, 100 to 599, not "
                    + (status.isMissingNode() ? "absent" : status));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode given = effect.path("headers");
        if (!given.isMissingNode() && !given.isObject()) {
            throw Refusal.INVALID_EFFECT.exception("effect.headers must map header names to values, not " + given);
        }
        given.fields().forEachRemaining(header -> headers.put(header.getKey(), header.getValue().asText()));
        JsonNode body = effect.path("body");
        String text = body.isMissingNode() || body.isNull() ? "" : body.isTextual() ? body.asText() : body.toString();
        if ((body.isObject() || body.isArray()) && headers.keySet().stream()
                .noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/json");
        }
        return new FaultEffect.Answer(status.asInt(), headers, text);
    }

    private static TransportFault transport(JsonNode fault) {
        try {
            return TransportFault.named(fault.asText(""));
        } catch (IllegalArgumentException e) {
            throw Refusal.INVALID_EFFECT.exception("effect.fault must be one of " + String.join(", ",
                    TransportFault.names()) + ", not " + (fault.isMissingNode() ? "absent" : fault));
        }
    }

    private static Duration retryAfter(JsonNode value) {
        if (!value.isNumber() || value.asDouble() < 0) {
            throw Refusal.INVALID_EFFECT.exception("effect.retry_after must be a non-negative number of seconds, not "
                    + value);
        }
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private static Duration seconds(JsonNode value) {
        if (!value.isNumber()) {
            throw Refusal.SECONDS_NOT_A_NUMBER.exception();
        }
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private static Trigger trigger(JsonNode trigger, Instant now) {
        if (trigger.isMissingNode() || trigger.isNull()) {
            return Trigger.always();
        }
        onlyKeys(trigger, "trigger", TRIGGER_KEYS);
        int after = whole(trigger, "after", 0);
        int times = whole(trigger, "times", -1);
        double probability = trigger.has("probability") ? number(trigger, "probability") : 1.0;
        try {
            Trigger parsed = new Trigger(after, times, probability, null,
                    trigger.hasNonNull("rate") ? rate(trigger.get("rate")) : null);
            return trigger.hasNonNull("window") ? parsed.within(window(trigger.get("window"), now)) : parsed;
        } catch (IllegalArgumentException e) {
            throw Refusal.INVALID_TRIGGER.exception(e.getMessage());
        }
    }

    /** A window: its start (an instant, or seconds from now; now when neither), its end (the same, or none), a ramp. */
    private static Window window(JsonNode window, Instant now) {
        onlyKeys(window, "trigger.window", WINDOW_KEYS);
        if (window.has("from") && window.has("starts_in")) {
            throw Refusal.INVALID_TRIGGER.exception("give trigger.window.from or trigger.window.starts_in, not both");
        }
        if (window.has("until") && window.has("lasts")) {
            throw Refusal.INVALID_TRIGGER.exception("give trigger.window.until or trigger.window.lasts, not both");
        }
        Instant from = window.has("from") ? instant(window, "from")
                : now.plus(seconds(window, "starts_in", false));
        Instant until = window.has("until") ? instant(window, "until")
                : window.has("lasts") ? from.plus(seconds(window, "lasts", true)) : null;
        JsonNode ramp = window.path("ramp");
        if (!ramp.isMissingNode() && !ramp.isBoolean()) {
            throw Refusal.INVALID_TRIGGER.exception("trigger.window.ramp must be true or false, not " + ramp);
        }
        return new Window(from, until, ramp.asBoolean(false));
    }

    /** A rate: {@code calls} per {@code per} seconds, for each project. */
    private static Rate rate(JsonNode rate) {
        onlyKeys(rate, "trigger.rate", RATE_KEYS);
        if (!rate.has("calls") || !rate.has("per")) {
            throw Refusal.INVALID_TRIGGER.exception("trigger.rate needs calls and per (seconds)");
        }
        int calls = whole(rate, "calls", 0, "trigger.rate.");
        JsonNode per = rate.get("per");
        if (!per.isNumber()) {
            throw Refusal.INVALID_TRIGGER.exception("trigger.rate.per must be a number of seconds, not " + per);
        }
        return new Rate(calls, Duration.ofMillis(Math.round(per.asDouble() * 1000)));
    }

    /** Refuses a key the object does not take, naming the ones it does. */
    private static void onlyKeys(JsonNode object, String where, List<String> accepted) {
        if (!object.isObject()) {
            throw Refusal.INVALID_TRIGGER.exception(where + " must be an object with " + String.join(", ", accepted));
        }
        object.fieldNames().forEachRemaining(key -> {
            if (!accepted.contains(key)) {
                throw Refusal.INVALID_TRIGGER.exception("unknown key '" + key + "' in " + where + "; it takes "
                        + String.join(", ", accepted));
            }
        });
    }

    private static int whole(JsonNode object, String key, int absent) {
        return whole(object, key, absent, "trigger.");
    }

    private static int whole(JsonNode object, String key, int absent, String where) {
        JsonNode value = object.path(key);
        if (value.isMissingNode()) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw Refusal.INVALID_TRIGGER.exception(where + key + " must be a whole number, not " + value);
        }
        return value.asInt();
    }

    private static double number(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (!value.isNumber()) {
            throw Refusal.INVALID_TRIGGER.exception("trigger." + key + " must be a number, not " + value);
        }
        return value.asDouble();
    }

    /** Seconds, not negative (and more than none when {@code positive}), absent as none. */
    private static Duration seconds(JsonNode window, String key, boolean positive) {
        JsonNode value = window.path(key);
        if (value.isMissingNode()) {
            return Duration.ZERO;
        }
        if (!value.isNumber() || value.asDouble() < 0 || positive && value.asDouble() == 0) {
            throw Refusal.INVALID_TRIGGER.exception("trigger.window." + key + " must be a " + (positive ? "positive"
                    : "non-negative") + " number of seconds, not " + value);
        }
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private static Instant instant(JsonNode window, String key) {
        String text = window.path(key).asText("");
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.INVALID_TRIGGER.exception("trigger.window." + key + " must be an instant like "
                    + "2026-01-01T00:02:00Z, not " + window.get(key));
        }
    }

    public static Map<String, Object> write(FaultRule rule) {
        Map<String, Object> json = Json.object();
        json.put("id", rule.id());
        Map<String, Object> match = new LinkedHashMap<>();
        RouteMatch route = rule.match().route();
        if (route != null) {
            Map<String, Object> written = Json.object();
            putIfSet(written, "method", route.method());
            written.put("path", route.path().pattern());
            if (!route.headers().isEmpty()) {
                Map<String, Object> headers = new LinkedHashMap<>();
                route.headers().forEach((name, value) -> headers.put(name, value.pattern()));
                written.put("headers", headers);
            }
            match.put("route", written);
        }
        if (rule.match().service() != Service.COMPUTE) {
            match.put("service", rule.match().service().jsonName());
        }
        List<String> ops = new ArrayList<>(rule.match().serviceOperations());
        rule.match().operations().stream().sorted().forEach(op -> ops.add(op.name().toLowerCase(Locale.ROOT)));
        if (route == null) {
            match.put("operations", ops);
        }
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
        if (rule.trigger().rate() != null) {
            trigger.put("rate", Json.object("calls", rule.trigger().rate().calls(),
                    "per", rule.trigger().rate().per().toMillis() / 1000.0));
        }
        Window window = rule.trigger().window();
        if (window != null) {
            Map<String, Object> written = Json.object("from", window.from().toString());
            putIfSet(written, "until", window.until() == null ? null : window.until().toString());
            written.put("ramp", window.ramp());
            trigger.put("window", written);
        }
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
            putIfSet(json, "retry_after", error.retryAfter() == null ? null : error.retryAfter().toMillis() / 1000.0);
        } else if (effect instanceof FaultEffect.Delay delay) {
            json.put("type", "delay");
            putLatency(json, delay.extra());
        } else if (effect instanceof FaultEffect.SlowAnswer slow) {
            json.put("type", "slow_answer");
            putLatency(json, slow.latency());
        } else if (effect instanceof FaultEffect.Transport transport) {
            json.put("type", "transport");
            json.put("fault", transport.fault().jsonName());
        } else if (effect instanceof FaultEffect.Outage) {
            json.put("type", "outage");
        } else if (effect instanceof FaultEffect.Answer answer) {
            json.put("type", "answer");
            json.put("status", answer.status());
            json.put("headers", answer.headers());
            json.put("body", answer.body());
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

    /** A fixed length as {@code seconds}, as it is most often written; a distribution as {@code latency}. */
    private static void putLatency(Map<String, Object> json, Latency latency) {
        if (latency instanceof Latency.Fixed fixed) {
            json.put("seconds", fixed.length().toMillis() / 1000.0);
        } else {
            json.put("latency", LatencyJson.write(latency));
        }
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
