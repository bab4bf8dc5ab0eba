package io.novasim.http.volume;

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
import io.novasim.model.error.ApiError;
import io.novasim.model.error.BadRequest;
import io.novasim.model.error.ComputeException;
import io.novasim.state.command.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request pipeline of the Cinder v3 API under {@code /volume}: request id, authentication, the volume
 * microversion (echoed back, otherwise without effect), the project id in the URL, the body, then the route. Refusals
 * are Cinder's faults, {@code {"itemNotFound": {"code": 404, "message": "..."}}}. A project id in the URL that is not
 * the token's is Cinder's 400 {@code Malformed request url}.
 */
final class VolumeApi {
    static final String PREFIX = "/volume";
    static final int MAX_MINOR = 70;
    private static final Logger LOG = LoggerFactory.getLogger(VolumeApi.class);
    private static final Pattern VERSION = Pattern.compile("^3\\.(0|[1-9]\\d*)$");

    private final Simulation simulation;

    VolumeApi(Simulation simulation) {
        this.simulation = simulation;
    }

    /** An authenticated route under {@code /volume/v3/{project_id}}. */
    void route(JavalinDefaultRoutingApi<?> router, HandlerType method, String path, Route route) {
        router.addHttpHandler(method, PREFIX + "/v3/{project_id}" + path, ctx -> handle(ctx, route));
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
                echoVersion(ctx, negotiate(ctx.header("OpenStack-API-Version")));
                if (!ctx.pathParam("project_id").equals(token.get().projectId())) {
                    throw new BadRequest("Malformed request url");
                }
                Caller caller = new Caller(token.get().userId(), token.get().projectId(), token.get().admin());
                reply = route.handle(new Call(ctx, token.get(), caller, null, requestId, body(ctx)));
            }
        } catch (ComputeException refused) {
            reply = Errors.nova(refused);
        } catch (RuntimeException bug) {
            LOG.error("unexpected error in {} {}", ctx.method(), ctx.path(), bug);
            reply = Errors.nova(new ApiError(500, "computeFault", "The server has either erred or is incapable of "
                    + "performing the requested operation."));
        }
        finish(ctx, reply, requestId);
    }

    /** The requested volume microversion ({@code 3.0} when none is asked for), as {@code 3.N}. */
    static String negotiate(String header) {
        String requested = null;
        if (header != null) {
            for (String entry : header.split(",")) {
                String[] parts = entry.trim().split("\\s+");
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
            throw new BadRequest("API Version String " + requested + " is of invalid format. Must be of format "
                    + "MajorNum.MinorNum.");
        }
        if (m.group(1).length() > 3 || Integer.parseInt(m.group(1)) > MAX_MINOR) {
            throw new ApiError(406, "computeFault", "Version " + requested + " is not supported by the API. "
                    + "Minimum is 3.0 and maximum is 3." + MAX_MINOR + ".");
        }
        return requested;
    }

    private static void echoVersion(Context ctx, String version) {
        ctx.header("OpenStack-API-Version", "volume " + version);
        ctx.res().addHeader("Vary", "OpenStack-API-Version");
    }

    private static JsonNode body(Context ctx) {
        boolean hasBody = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT;
        return hasBody ? Json.parse(ctx.body()) : null;
    }

    private void finish(Context ctx, Reply reply, String requestId) {
        ctx.header("x-openstack-request-id", requestId);
        Replies.write(ctx, reply, "application/json");
        simulation.record(ctx, requestId, reply.status());
    }
}
