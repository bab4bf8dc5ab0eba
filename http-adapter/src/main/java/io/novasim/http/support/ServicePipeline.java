package io.novasim.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;

/**
 * The request pipeline the Neutron, Cinder and Glance APIs share: a request id, the token (keystonemiddleware's 401
 * without one), the service's own checks, the route, every refusal in the service's error shape, and the request
 * journal. What differs from one service to the next is its {@link Service}.
 */
public final class ServicePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ServicePipeline.class);

    /** What one service adds to the shared pipeline. */
    public interface Service {
        /**
         * Checks before the route runs (a microversion, the project in the path) and the response headers they
         * set.
         *
         * @return the request body the route reads, or {@code null} when it reads none
         */
        JsonNode prepare(Context ctx, Token token);

        /** @return the service's answer to a refusal, or {@code null} when {@code thrown} is not one (a bug) */
        Reply refusal(RuntimeException thrown);

        /** @return the service's 500, for a bug */
        Reply internalError();
    }

    private final Simulation simulation;
    private final Service service;

    /**
     * @param simulation what the routes act on
     * @param service    the checks and error shapes of one service
     */
    public ServicePipeline(Simulation simulation, Service service) {
        this.simulation = simulation;
        this.service = service;
    }

    /** An authenticated route at {@code path}. */
    public void route(JavalinDefaultRoutingApi<?> router, HandlerType method, String path, Route route) {
        router.addHttpHandler(method, path, ctx -> handle(ctx, route));
    }

    /** A route that needs no token (version discovery). */
    public void open(JavalinDefaultRoutingApi<?> router, String path, Function<Context, Reply> answer) {
        router.get(path, ctx -> finish(ctx, answer.apply(ctx), simulation.cloud().newRequestId()));
    }

    private void handle(Context ctx, Route route) {
        String requestId = simulation.cloud().newRequestId();
        Reply reply;
        try {
            Optional<Token> token = simulation.authenticate(ctx);
            if (token.isEmpty()) {
                reply = Errors.unauthorized(ctx);
            } else {
                Simulation.sentBy(ctx, token.get());
                JsonNode body = service.prepare(ctx, token.get());
                reply = route.handle(new Call(ctx, token.get(), token.get().caller(), null, requestId, body));
            }
        } catch (RuntimeException thrown) {
            if (thrown instanceof io.novasim.model.error.ComputeException refused) {
                Refusals.note(ctx, refused);
            }
            reply = service.refusal(thrown);
            if (reply != null) {
                // A service's own error (Neutron's, Cinder's, Glance's): its message is the reason.
                Refusals.note(ctx, ctx.method().name() + " " + ctx.path() + " refused: " + thrown.getMessage()
                        + " (rule: the API answers " + reply.status() + " here)");
            }
            if (reply == null) {
                LOG.error("unexpected error in {} {}", ctx.method(), ctx.path(), thrown);
                reply = service.internalError();
            }
        }
        finish(ctx, reply, requestId);
    }

    private void finish(Context ctx, Reply reply, String requestId) {
        ctx.header("x-openstack-request-id", requestId);
        Replies.write(ctx, reply, "application/json");
        simulation.record(ctx, requestId, reply.status());
    }
}
