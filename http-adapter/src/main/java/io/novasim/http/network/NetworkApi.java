package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Route;
import io.novasim.http.support.ServicePipeline;
import io.novasim.model.error.ComputeException;

import java.util.function.Function;

/**
 * The Neutron API under {@code /network} on the shared {@link ServicePipeline}: every refusal is rendered as a
 * {@code NeutronError}.
 */
final class NetworkApi implements ServicePipeline.Service {
    static final String PREFIX = "/network";

    private final ServicePipeline pipeline;

    NetworkApi(Simulation simulation) {
        this.pipeline = new ServicePipeline(simulation, this);
    }

    /** An authenticated route under {@code /network/v2.0}. */
    void route(JavalinDefaultRoutingApi<?> router, HandlerType method, String path, Route route) {
        pipeline.route(router, method, PREFIX + "/v2.0" + path, route);
    }

    /** A route that needs no token (version discovery). */
    void open(JavalinDefaultRoutingApi<?> router, String path, Function<Context, Reply> answer) {
        pipeline.open(router, PREFIX + path, answer);
    }

    @Override
    public JsonNode prepare(Context ctx, Token token) {
        return body(ctx);
    }

    @Override
    public Reply refusal(RuntimeException thrown) {
        if (thrown instanceof NeutronError refused) {
            return refused.reply();
        }
        if (thrown instanceof ComputeException refused) {
            return Errors.neutron(refused.code(), typeOf(refused.code()), refused.getMessage());
        }
        return null;
    }

    @Override
    public Reply internalError() {
        return Errors.neutron(500, "HTTPInternalServerError", "Request Failed: internal server error while "
                + "processing your request.");
    }

    private static JsonNode body(Context ctx) {
        if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT) {
            return null;
        }
        try {
            return Json.parse(io.novasim.http.support.Requests.body(ctx));
        } catch (ComputeException malformed) {
            throw NeutronError.badRequest("Malformed JSON in request body.");
        }
    }

    /** The type Neutron's webob faults carry when no more specific exception applies. */
    private static String typeOf(int code) {
        return switch (code) {
            case 400 -> "HTTPBadRequest";
            case 403 -> "HTTPForbidden";
            case 404 -> "HTTPNotFound";
            case 409 -> "HTTPConflict";
            case 503 -> "HTTPServiceUnavailable";
            default -> "HTTPInternalServerError";
        };
    }
}
