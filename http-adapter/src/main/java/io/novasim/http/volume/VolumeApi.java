package io.novasim.http.volume;

import java.util.Map;
import io.novasim.http.support.Requests;
import io.novasim.http.support.Exchange;
import io.novasim.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Json;
import io.novasim.http.support.OpenStackRoutes;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Route;
import io.novasim.http.support.ServicePipeline;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cinder v3 API under {@code /volume} on the shared {@link ServicePipeline}: the volume microversion (echoed
 * back, otherwise without effect), the project id in the URL and the body come before the route. Refusals are
 * Cinder's faults, {@code {"itemNotFound": {"code": 404, "message": "..."}}}. A project id in the URL that is not the
 * token's is Cinder's 400 {@code Malformed request url}.
 */
final class VolumeApi implements ServicePipeline.Service {
    /** Runs of whitespace, between a service and its version: compiled once, not at every request. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    static final String PREFIX = "/volume";
    static final int MAX_MINOR = 70;
    private static final Pattern VERSION = Pattern.compile("^3\\.(0|[1-9]\\d*)$");

    private final ServicePipeline pipeline;

    VolumeApi(Simulation simulation) {
        this.pipeline = new ServicePipeline(simulation, io.novasim.state.faults.Service.VOLUME, this,
                OpenStackRoutes.load("volume", PREFIX),
                Refusal.NOT_SIMULATED);
    }

    /** An authenticated route under {@code /volume/v3/{project_id}}. */
    /** A route, and the name fault rules know its operation by ({@code get_port}). */
    void route(String method, String path, String operation, Route route) {
        pipeline.route(method, PREFIX + "/v3/{project_id}" + path, operation, route);
    }

    /** A route that needs no token (version discovery). */
    void open(String path, Function<Exchange, Reply> answer) {
        pipeline.open(PREFIX + path, answer);
    }

    java.util.List<String> routes() {
        return pipeline.routes();
    }

    /** Answers a request under {@code /volume}, or null when no route matches. */
    ApiResponse handle(Exchange exchange, String[] segments) {
        return pipeline.handle(exchange, segments);
    }

    @Override
    public JsonNode prepare(Exchange exchange, Map<String, String> params, Token token) {
        echoVersion(exchange, negotiate(exchange.header("OpenStack-API-Version")));
        if (!params.get("project_id").equals(token.projectId())) {
            throw Refusal.VOLUME_URL_MALFORMED.exception();
        }
        return body(exchange);
    }

    @Override
    public Reply refusal(RuntimeException thrown) {
        if (!(thrown instanceof ComputeException refused)) {
            return null;
        }
        if (refused.code() == 413) {
            // Cinder's QuotaError tells the client when to retry, in the header and in the body (as a string)
            Map<String, Object> fault = io.novasim.http.support.Json.object("code", 413, "message",
                    refused.getMessage(), "retryAfter", "0");
            return Reply.json(413, io.novasim.http.support.Json.object(refused.faultName(), fault))
                    .withHeader("Retry-After", "0").refusing(refused.refusal());
        }
        return Errors.nova(refused);
    }

    @Override
    public Reply internalError() {
        return Errors.nova(Refusal.VOLUME_INTERNAL_ERROR.exception());
    }

    /** The requested volume microversion ({@code 3.0} when none is asked for), as {@code 3.N}. */
    static String negotiate(String header) {
        String requested = null;
        if (header != null) {
            for (String entry : header.split(",")) {
                String[] parts = WHITESPACE.split(entry.trim());
                if (parts.length == 2 && parts[0].equalsIgnoreCase("volume")) {
                    requested = parts[1];
                }
            }
        }
        if (requested == null) {
            return "3.0";
        }
        if (requested.equalsIgnoreCase("latest")) {
            return "3." + MAX_MINOR;
        }
        Matcher m = VERSION.matcher(requested);
        if (!m.matches()) {
            throw Refusal.VERSION_MALFORMED.exception(requested);
        }
        if (m.group(1).length() > 3 || Integer.parseInt(m.group(1)) > MAX_MINOR) {
            throw Refusal.VERSION_NOT_SUPPORTED.exception(requested, "3.0", "3." + MAX_MINOR);
        }
        return requested;
    }

    private static void echoVersion(Exchange exchange, String version) {
        exchange.header("OpenStack-API-Version", "volume " + version);
        exchange.header("Vary", "OpenStack-API-Version");
    }

    private static JsonNode body(Exchange exchange) {
        return exchange.hasBody() ? Json.parse(Requests.body(exchange)) : null;
    }
}
