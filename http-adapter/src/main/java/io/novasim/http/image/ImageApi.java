package io.novasim.http.image;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Call;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Route;
import io.novasim.state.command.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;

/**
 * The request pipeline of the Glance v2 API under {@code /image}: request id, authentication, route, refusals as
 * Glance's errors, and the request journal. Glance's API here is read-only, so no body is read.
 */
final class ImageApi {
    static final String PREFIX = "/image";
    private static final Logger LOG = LoggerFactory.getLogger(ImageApi.class);

    private final Simulation simulation;

    ImageApi(Simulation simulation) {
        this.simulation = simulation;
    }

    /** An authenticated route under {@code /image/v2}. */
    void route(JavalinDefaultRoutingApi<?> router, HandlerType method, String path, Route route) {
        router.addHttpHandler(method, PREFIX + "/v2" + path, ctx -> handle(ctx, route));
    }

    /** A route that needs no token (version discovery). */
    void open(JavalinDefaultRoutingApi<?> router, String path, Function<Context, Reply> answer) {
        router.get(PREFIX + path, ctx -> finish(ctx, answer.apply(ctx), simulation.cloud().newRequestId()));
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
                reply = route.handle(new Call(ctx, token.get(), caller, null, requestId, null));
            }
        } catch (GlanceError refused) {
            reply = refused.reply();
        } catch (RuntimeException bug) {
            LOG.error("unexpected error in {} {}", ctx.method(), ctx.path(), bug);
            reply = new GlanceError(500, "Internal Server Error", "The server has either erred or is incapable of "
                    + "performing the requested operation.").reply();
        }
        finish(ctx, reply, requestId);
    }

    private void finish(Context ctx, Reply reply, String requestId) {
        ctx.header("x-openstack-request-id", requestId);
        Replies.write(ctx, reply, "application/json");
        simulation.record(ctx, requestId, reply.status());
    }
}
