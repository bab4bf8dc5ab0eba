package io.novasim.http.image;

import java.util.Map;
import io.novasim.http.support.Exchange;
import io.novasim.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.OpenStackRoutes;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Route;
import io.novasim.http.support.ServicePipeline;
import io.novasim.model.error.Refusal;
import io.novasim.model.error.ComputeException;
import io.novasim.http.support.Errors;

import java.util.function.Function;

/**
 * The Glance v2 API under {@code /image} on the shared {@link ServicePipeline}: refusals are Glance's errors. Glance's
 * API here is read-only, so no body is read.
 */
final class ImageApi implements ServicePipeline.Service {
    static final String PREFIX = "/image";

    private final ServicePipeline pipeline;

    ImageApi(Simulation simulation) {
        this.pipeline = new ServicePipeline(simulation, io.novasim.state.faults.Service.IMAGE, this,
                OpenStackRoutes.load("image", PREFIX),
                Refusal.GLANCE_NOT_SIMULATED);
    }

    /** An authenticated route under {@code /image/v2}. */
    /** A route, and the name fault rules know its operation by ({@code get_port}). */
    void route(String method, String path, String operation, Route route) {
        pipeline.route(method, PREFIX + "/v2" + path, operation, route);
    }

    /** A route that needs no token (version discovery). */
    void open(String path, Function<Exchange, Reply> answer) {
        pipeline.open(PREFIX + path, answer);
    }

    java.util.List<String> routes() {
        return pipeline.routes();
    }

    /** Answers a request under {@code /image}, or null when no route matches. */
    ApiResponse handle(Exchange exchange, String[] segments) {
        return pipeline.handle(exchange, segments);
    }

    @Override
    public JsonNode prepare(Exchange exchange, Map<String, String> params, Token token) {
        return null;
    }

    @Override
    public Reply refusal(RuntimeException thrown) {
        if (thrown instanceof GlanceError refused) {
            return refused.reply();
        }
        if (thrown instanceof ComputeException refused && refused.refusal().body() == Refusal.Body.WEBOB) {
            return Errors.webob(refused.refusal(), refused.getMessage()); // the engine's refusals of Glance calls
        }
        if (thrown instanceof ComputeException refused && refused.refusal() == Refusal.FAULT_RULE_ERROR) {
            return Errors.webob(refused.code(), refused.getMessage(), refused.refusal());
        }
        return null;
    }

    @Override
    public Reply internalError() {
        return new GlanceError(Refusal.GLANCE_INTERNAL_ERROR).reply();
    }
}
