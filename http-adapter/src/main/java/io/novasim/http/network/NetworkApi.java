package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Call;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Json;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Route;
import io.novasim.model.error.ComputeException;
import io.novasim.state.command.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;

/**
 * The request pipeline of the Neutron API under {@code /network}: request id, authentication, body, route, and every
 * refusal rendered as a {@code NeutronError}. Every answer is recorded in the request journal.
 */
final class NetworkApi {
    static final String PREFIX = "/network";
    private static final Logger LOG = LoggerFactory.getLogger(NetworkApi.class);

    private final Simulation simulation;

    NetworkApi(Simulation simulation) {
        this.simulation = simulation;
    }

    /** An authenticated route under {@code /network/v2.0}. */
    void route(JavalinDefaultRoutingApi<?> router, HandlerType method, String path, Route route) {
        router.addHttpHandler(method, PREFIX + "/v2.0" + path, ctx -> handle(ctx, route));
    }

    /** A route that needs no token (version discovery). */
    void open(JavalinDefaultRoutingApi<?> router, String path, Function<Context, Reply> answer) {
        router.get(PREFIX + path, ctx -> {
            String requestId = simulation.cloud().newRequestId();
            finish(ctx, answer.apply(ctx), requestId);
        });
    }

    private void handle(Context ctx, Route route) {
        String requestId = simulation.cloud().newRequestId();
        Reply reply;
        try {
            Optional<Token> token = simulation.authenticate(ctx);
            if (token.isEmpty()) {
                reply = Errors.unauthorized(ctx);
            } else {
                Caller caller = new Caller(token.get().userId(), token.get().projectId(), token.get().admin());
                reply = route.handle(new Call(ctx, token.get(), caller, null, requestId, body(ctx)));
            }
        } catch (NeutronError refused) {
            reply = refused.reply();
        } catch (ComputeException refused) {
            reply = Errors.neutron(refused.code(), typeOf(refused.code()), refused.getMessage());
        } catch (RuntimeException bug) {
            LOG.error("unexpected error in {} {}", ctx.method(), ctx.path(), bug);
            reply = Errors.neutron(500, "HTTPInternalServerError", "Request Failed: internal server error while "
                    + "processing your request.");
        }
        finish(ctx, reply, requestId);
    }

    private static JsonNode body(Context ctx) {
        if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT) {
            return null;
        }
        try {
            return Json.parse(ctx.body());
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

    private void finish(Context ctx, Reply reply, String requestId) {
        ctx.header("x-openstack-request-id", requestId);
        Replies.write(ctx, reply, "application/json");
        simulation.record(ctx, requestId, reply.status());
    }
}
