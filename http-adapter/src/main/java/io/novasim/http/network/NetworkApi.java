package io.novasim.http.network;

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

/**
 * The Neutron API under {@code /network} on the shared {@link ServicePipeline}: every refusal is rendered as a
 * {@code NeutronError}.
 */
final class NetworkApi implements ServicePipeline.Service {
    static final String PREFIX = "/network";

    private final ServicePipeline pipeline;

    NetworkApi(Simulation simulation) {
        this.pipeline = new ServicePipeline(simulation, io.novasim.state.faults.Service.NETWORK, this,
                OpenStackRoutes.load("network", PREFIX),
                Refusal.NEUTRON_NOT_SIMULATED);
    }

    /** An authenticated route under {@code /network/v2.0}. */
    /** A route, and the name fault rules know its operation by ({@code get_port}). */
    void route(String method, String path, String operation, Route route) {
        pipeline.route(method, PREFIX + "/v2.0" + path, operation, route);
    }

    /** A route that needs no token (version discovery). */
    void open(String path, Function<Exchange, Reply> answer) {
        pipeline.open(PREFIX + path, answer);
    }

    java.util.List<String> routes() {
        return pipeline.routes();
    }

    /** Answers a request under {@code /network}, or null when no route matches. */
    ApiResponse handle(Exchange exchange, String[] segments) {
        return pipeline.handle(exchange, segments);
    }

    @Override
    public JsonNode prepare(Exchange exchange, Map<String, String> params, Token token) {
        return body(exchange);
    }

    @Override
    public Reply refusal(RuntimeException thrown) {
        if (thrown instanceof NeutronError refused) {
            return refused.reply();
        }
        if (thrown instanceof ComputeException refused) {
            // the engine's Neutron refusals carry Neutron's own type; a compute refusal takes the status's
            String type = refused.refusal().body() == Refusal.Body.NEUTRON ? refused.faultName()
                    : typeOf(refused.code());
            return Errors.neutron(refused.refusal(), refused.code(), type, refused.getMessage());
        }
        return null;
    }

    @Override
    public Reply internalError() {
        return new NeutronError(Refusal.NEUTRON_INTERNAL_ERROR).reply();
    }

    private static JsonNode body(Exchange exchange) {
        if (!exchange.hasBody()) {
            return null;
        }
        String text = Requests.body(exchange);
        try {
            return Json.parse(text);
        } catch (ComputeException malformed) {
            throw new NeutronError(Refusal.NEUTRON_MALFORMED_JSON);
        }
    }

    /** The type Neutron's webob faults carry when no more specific exception applies. */
    private static String typeOf(int code) {
        return switch (code) {
            case 400 -> "HTTPBadRequest";
            case 403 -> "HTTPForbidden";
            case 404 -> "HTTPNotFound";
            case 409 -> "HTTPConflict";
            case 413 -> "HTTPRequestEntityTooLarge";
            case 503 -> "HTTPServiceUnavailable";
            default -> "HTTPInternalServerError";
        };
    }
}
