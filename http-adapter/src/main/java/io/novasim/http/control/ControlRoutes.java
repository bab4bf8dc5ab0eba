package io.novasim.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ApiResponse;
import io.novasim.SimulatorControl;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Json;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Requests;
import io.novasim.http.support.RouteTable;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.report.LiveReport;
import io.novasim.report.TimelineSvg;
import io.novasim.state.faults.FaultRule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The control plane under {@code /__sim/v1}, for an admin's token or the control token: the clock, the fault plan,
 * forced states, the state of everything, the settings, the request journal and the event log. Each route is a thin layer over
 * {@link SimulatorControl}, so a script over HTTP can do what a Java test does.
 */
@Singleton
public final class ControlRoutes {
    public static final String PREFIX = "/__sim/v1";
    /** The control plane's OpenAPI document, under {@link #PREFIX}. */
    static final String OPENAPI = "openapi.json";

    private final Simulation simulation;
    private final SimulatorControl control;

    @Inject
    public ControlRoutes(Simulation simulation) {
        this.simulation = simulation;
        this.control = simulation;
        register();
    }

    private final RouteTable<ControlRoute> routes = new RouteTable<>();

    /** One control route: the parsed body (or null) and the path parameters in; the answer's body, or null for 204. */
    @FunctionalInterface
    private interface ControlRoute {
        Object handle(JsonNode body, Map<String, String> params);
    }

    private void register() {
        route("GET", "/" + OPENAPI, (body, params) -> null); // answered before the token is asked for
        route("GET", "/clock", (body, params) -> clock());
        route("POST", "/clock/advance", (body, params) -> advance(body));
        route("POST", "/clock/pause", (body, params) -> {
            control.pauseClock();
            return clock();
        });
        route("POST", "/clock/resume", (body, params) -> {
            try {
                control.resumeClock();
            } catch (IllegalStateException standsStill) {
                throw Refusal.CLOCK_DOES_NOT_FOLLOW.exception();
            }
            return clock();
        });
        route("POST", "/clock/next", (body, params) -> {
            Duration went = simulation.advanceToNextDue();
            Map<String, Object> reply = clock();
            reply.put("advanced_seconds", went.toMillis() / 1000.0);
            return reply;
        });
        route("POST", "/clock/run-until-idle", (body, params) -> {
            Duration went = control.runUntilIdle();
            Map<String, Object> reply = clock();
            reply.put("advanced_seconds", went.toMillis() / 1000.0);
            return reply;
        });
        route("POST", "/reset", (body, params) -> {
            control.reset();
            return clock();
        });
        route("GET", "/settings", (body, params) -> settings());
        route("PATCH", "/settings", (body, params) -> changeSettings(body));
        route("GET", "/state", (body, params) -> control.state());
        route("GET", "/snapshot", (body, params) -> simulation.snapshotDocument());
        route("POST", "/restore", (body, params) -> {
            simulation.restore(body);
            return clock();
        });
        route("GET", "/faults", (body, params) -> Json.object("rules",
                control.faultRules().stream().map(FaultRuleJson::write).toList()));
        route("POST", "/faults", (body, params) -> addFault(body));
        route("DELETE", "/faults/{rule_id}", (body, params) -> {
            if (!control.removeFault(params.get("rule_id"))) {
                throw Refusal.NO_SUCH_FAULT_RULE.exception(params.get("rule_id"));
            }
            return null;
        });
        route("GET", "/faults/fired", (body, params) -> Json.object("fired",
                control.firedFaults().stream().map(EventJson::fired).toList()));
        route("POST", "/servers/{server_id}/state", (body, params) -> {
            String vmState = body == null ? null : body.path("vm_state").asText(null);
            if (vmState == null) {
                throw Refusal.VM_STATE_REQUIRED.exception();
            }
            try {
                return control.forceState(params.get("server_id"), vmState);
            } catch (IllegalArgumentException notForceable) {
                throw Refusal.STATE_NOT_FORCEABLE.exception(vmState);
            }
        });
        route("GET", "/machine", (body, params) -> {
            io.novasim.state.rules.VmStateGraph graph = io.novasim.state.rules.VmStateGraph.of();
            return Json.object("vm_states", java.util.Arrays.stream(io.novasim.model.server.VmState.values())
                            .map(io.novasim.model.server.VmState::value).toList(),
                    "edges", graph.edges().stream().map(edge -> Json.object("from", edge.from(), "to", edge.to(),
                            "label", edge.label())).toList(),
                    "left_out", graph.leftOut());
        });
        route("GET", "/servers/{server_id}/operations", (body, params) -> {
            String serverId = params.get("server_id");
            java.util.List<Map<String, Object>> gates = new java.util.ArrayList<>();
            for (io.novasim.state.Cloud.Gate gate : simulation.cloud().gates(Simulation.OPERATOR, serverId)) {
                Map<String, Object> json = Json.object("operation", gate.operation().name().toLowerCase(
                        java.util.Locale.ROOT).replace('_', '-'), "accepted", gate.accepted());
                if (!gate.accepted()) {
                    json.put("refusal", gate.refusal());
                }
                gates.add(json);
            }
            return Json.object("server_id", serverId, "operations", gates);
        });
        route("POST", "/servers/{server_id}/release", (body, params) ->
                Json.object("released", control.release(params.get("server_id"))));
        route("GET", "/requests", (body, params) -> {
            Map<String, Object> reply = Json.object("requests", control.requests());
            reply.put("dropped", simulation.journalDropped());
            return reply;
        });
        route("GET", "/events", (body, params) -> Json.object("events",
                control.events().stream().map(EventJson::of).toList()));
        route("GET", "/timeline", (body, params) -> new Drawing(TimelineSvg.drawLive(LiveReport.of(control.events(),
                control.requests(), control.state(), simulation.began()))));
    }

    /** An answer that is a picture, not JSON: an SVG document. */
    private record Drawing(String svg) {
    }

    /** The control plane's routes, as {@code METHOD /__sim/v1/path}. */
    public java.util.List<String> routes() {
        return routes.routes();
    }

    private void route(String method, String path, ControlRoute route) {
        routes.add(method, PREFIX + path, route);
    }

    /**
     * Answers a request under {@code /__sim/v1}.
     *
     * @return the answer, or null when no control route matches
     */
    public ApiResponse handle(Exchange exchange, String[] segments) {
        RouteTable.Match<ControlRoute> match = routes.find(exchange.method(), segments, 0);
        if (match == null) {
            return null;
        }
        if (segments.length == 3 && segments[2].equals(OPENAPI)) {
            // public, as API documents are: a tool reads it before it has a token
            return Replies.render(exchange, Reply.ok(new io.novasim.http.support.RawJson(OpenApiDocument.BYTES)),
                    "application/json");
        }
        Reply reply;
        Optional<Token> token = simulation.tokens().valid(exchange.header("X-Auth-Token"), simulation.now());
        if (token.isEmpty()) {
            reply = Errors.unauthorized();
        } else if (!token.get().admin()) {
            reply = Errors.keystone(Refusal.CONTROL_FORBIDDEN);
        } else {
            try {
                Object body = match.route().handle(Json.parse(Requests.body(exchange)), match.params());
                if (body instanceof Drawing drawing) {
                    return Replies.render(exchange, Reply.ok(drawing.svg()), "image/svg+xml; charset=UTF-8");
                }
                reply = body == null ? Reply.empty(204) : Reply.ok(body);
            } catch (ComputeException e) {
                reply = Errors.nova(e);
            }
        }
        return Replies.render(exchange, reply, "application/json", ControlJson::writeBytes);
    }

    /**
     * What a replay needs to start as this simulator did: the seed, where virtual time starts and where the current
     * world began (after the last reset and the setup's own work), and how the clock runs.
     */
    private Map<String, Object> settings() {
        Map<String, Object> json = Json.object();
        json.put("seed", simulation.settings().seed());
        json.put("start", simulation.settings().start().toString());
        json.put("began", simulation.began().toString());
        json.put("now", control.now().toString());
        json.put("clock_speed", control.clockMode() instanceof io.novasim.ClockMode.Wall wall ? wall.speed() : 0.0);
        json.put("clock", ClockModeJson.write(control.clockMode()));
        json.put("dialects", simulation.settings().dialects());
        return json;
    }

    /** The settings that can change while the simulator runs: the clock's mode. The others are fixed at start. */
    private Map<String, Object> changeSettings(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Refusal.INVALID_SETTINGS.exception("give an object of the settings to change: clock");
        }
        body.fieldNames().forEachRemaining(key -> {
            if (!key.equals("clock")) {
                throw Refusal.INVALID_SETTINGS.exception("'" + key + "' " + (settings().containsKey(key)
                        ? "is fixed when the simulator starts" : "is not a setting") + "; one can change: clock");
            }
        });
        if (body.has("clock")) {
            control.clock(ClockModeJson.parse(body.get("clock"), "clock"));
        }
        return settings();
    }

    /** The clock: virtual time now, and whether it follows the wall clock, at what speed. */
    private Map<String, Object> clock() {
        return Json.object("now", control.now().toString(), "following", control.clockFollowing(),
                "clock_speed", control.clockMode() instanceof io.novasim.ClockMode.Wall wall ? wall.speed() : 0.0,
                "mode", control.clockMode().jsonName());
    }

    private Object advance(JsonNode body) {
        if (body == null || !body.path("seconds").isNumber() || body.path("seconds").asDouble() < 0) {
            throw Refusal.SECONDS_REQUIRED.exception();
        }
        control.advance(Duration.ofMillis(Math.round(body.get("seconds").asDouble() * 1000)));
        return clock();
    }

    private Object addFault(JsonNode body) {
        Instant now = simulation.now();
        FaultRule rule = FaultRuleJson.parse(body, "rule-" + (control.faultRules().size() + 1) + "-"
                + now.getEpochSecond(), now);
        try {
            control.addFault(rule);
        } catch (IllegalArgumentException refused) {
            // the engine refuses a second rule of one id; the simulator, a rule it cannot match: two different 4xx
            boolean duplicate = control.faultRules().stream().anyMatch(kept -> kept.id().equals(rule.id()));
            throw duplicate ? Refusal.FAULT_RULE_EXISTS.exception(rule.id())
                    : Refusal.INVALID_RULE.exception(refused.getMessage());
        }
        return FaultRuleJson.write(rule);
    }
}
