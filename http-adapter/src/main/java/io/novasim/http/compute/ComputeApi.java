package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Call;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Json;
import io.novasim.http.support.Microversion;
import io.novasim.http.support.Refusals;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Requests;
import io.novasim.http.support.Route;
import io.novasim.model.error.ApiError;
import io.novasim.model.error.BadRequest;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.ItemNotFound;
import io.novasim.model.error.NovaErrors;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request pipeline of the compute API (nova-semantics.md §1), in Nova's order: request id, authentication,
 * microversion, content type, body, project id in the URL, then the route. Every answer that reached the API carries
 * both request-id headers and, once the microversion is known, both version headers and two {@code Vary} headers.
 */
@Singleton
public final class ComputeApi {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeApi.class);
    private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f-]+");
    static final String JSON = "application/json";
    static final String FAULT_JSON = "application/json; charset=UTF-8";

    private final Simulation simulation;
    private final BasicAuth basicAuth;
    private final RouteTable table = new RouteTable();

    @Inject
    public ComputeApi(Simulation simulation) {
        this.simulation = simulation;
        this.basicAuth = new BasicAuth(simulation);
    }

    /** Adds a route under {@code /v2.1}, reachable with and without the project id in the path. */
    public void route(JavalinDefaultRoutingApi<?> router, HandlerType method, String path, Route route) {
        table.add(method, path, route);
    }

    /** Sends everything under {@code /v2.1} to the compute API's own router; registered before any other route. */
    public void mount(JavalinDefaultRoutingApi<?> router) {
        router.get("/v2.1", ctx -> ctx.redirect("/v2.1/", io.javalin.http.HttpStatus.FOUND));
        for (HandlerType method : new HandlerType[]{HandlerType.GET, HandlerType.POST, HandlerType.PUT,
                HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD}) {
            router.addHttpHandler(method, "/v2.1/*", this::dispatch);
            for (ComputeDialect dialect : ComputeDialect.all()) {
                if (dialect == ComputeDialect.NOVA || !simulation.settings().dialects().contains(dialect.name())) {
                    continue;
                }
                router.addHttpHandler(method, dialect.mount() + "/*", dialect.tenantInPath()
                        ? ctx -> dispatchTenant(ctx, dialect) : ctx -> dispatchPlain(ctx, dialect));
            }
        }
    }

    /** Nova answers a path or method it does not route with webob's 404; some dialects answer 405. */
    private void noRoute(Context ctx, ComputeDialect dialect) {
        if (dialect.methodNotAllowed()) {
            Replies.write(ctx, Reply.json(405, dialect.faultBody(new ApiError(405, "badMethod",
                    "The request URL or method is not valid: " + ctx.method() + " " + ctx.path()), null)),
                    FAULT_JSON, dialect.writer());
            return;
        }
        Replies.write(ctx, Errors.noRoute(), JSON);
    }

    /** A dialect whose paths carry no tenant: {@code <mount>/servers/...}. */
    private void dispatchPlain(Context ctx, ComputeDialect dialect) {
        String[] segments = RouteTable.split(ctx.path());
        RouteTable.Match match = table.find(ctx.method(), segments, RouteTable.split(dialect.mount()).length);
        if (match == null) {
            noRoute(ctx, dialect);
            return;
        }
        handle(ctx, match.route(), match.params(), dialect);
    }

    /**
     * A dialect whose paths always carry the tenant: {@code <mount>/{tenant_id}/servers/...}. A tenant that is not
     * the token's is refused by the pipeline (Nova's 400, which a dialect may rewrite); one that is no tenant id at all
     * makes the URL unknown, except in a dialect answering 405 for unknown URLs, where it is a 404 (seed 002).
     */
    private void dispatchTenant(Context ctx, ComputeDialect dialect) {
        String[] segments = RouteTable.split(ctx.path());
        int tenant = RouteTable.split(dialect.mount()).length;
        RouteTable.Match match = segments.length > tenant + 1
                ? table.find(ctx.method(), segments, tenant + 1) : null;
        if (match != null && !PROJECT_ID.matcher(segments[tenant]).matches()) {
            if (dialect.methodNotAllowed()) {
                // a valid URL whose tenant is no tenant id: the bare-metal API's 404 for tenant_id (seed 002)
                String unknown = segments[tenant];
                handle(ctx, call -> {
                    throw new ItemNotFound("Tenant " + unknown + " could not be found.");
                }, new java.util.HashMap<>(), dialect);
                return;
            }
            match = null;
        }
        if (match == null) {
            noRoute(ctx, dialect);
            return;
        }
        match.params().put("project_id", segments[tenant]);
        handle(ctx, match.route(), match.params(), dialect);
    }

    /**
     * Finds the route: first as if the path had no project id, then with its first segment as the project id (Nova
     * routes a project id only if it looks like one: {@code [0-9a-f-]+}).
     */
    private void dispatch(Context ctx) {
        String[] segments = RouteTable.split(ctx.path());
        // segments[0] is "v2.1"
        if (segments.length == 1 || (segments.length == 2 && segments[1].isEmpty())) {
            ComputeVersions.current(ctx);
            return;
        }
        boolean projectFirst = PROJECT_ID.matcher(segments[1]).matches();
        if (projectFirst && (segments.length == 2 || (segments.length == 3 && segments[2].isEmpty()))
                && ctx.method() == HandlerType.GET) {
            ComputeVersions.current(ctx);
            return;
        }
        RouteTable.Match match = table.find(ctx.method(), segments, 1);
        if (match == null && projectFirst) {
            match = table.find(ctx.method(), segments, 2);
            if (match != null) {
                match.params().put("project_id", segments[1]);
            }
        }
        if (match == null) {
            Replies.write(ctx, Errors.noRoute(), JSON);
            return;
        }
        handle(ctx, match.route(), match.params(), ComputeDialect.NOVA);
    }

    void handle(Context ctx, Route route, java.util.Map<String, String> params, ComputeDialect dialect) {
        String requestId = simulation.cloud().newRequestId();
        ctx.attribute(ComputeDialect.ATTRIBUTE, dialect);
        if (dialect.openstackRequestId()) {
            ctx.header("x-openstack-request-id", requestId);
            ctx.header("x-compute-request-id", requestId);
        } else {
            ctx.header("X-Compute-Request-Id", requestId);
        }
        Reply reply;
        Microversion version = null;
        try {
            Optional<Token> token = dialect.basicAuth() ? basicAuth.authenticate(ctx) : simulation.authenticate(ctx);
            if (token.isEmpty()) {
                finish(ctx, dialect.basicAuth() ? BasicAuth.unauthorized() : Errors.unauthorized(ctx), null,
                        requestId, dialect);
                return;
            }
            Simulation.sentBy(ctx, token.get());
            if (dialect.microversions()) {
                try {
                    version = Microversion.negotiate(ctx.header("OpenStack-API-Version"),
                            ctx.header("X-OpenStack-Nova-API-Version"));
                } catch (Microversion.UnsupportedVersion unsupported) {
                    echoVersion(ctx, unsupported.requested());
                    Refusals.note(ctx, unsupported.toFault());
                    finish(ctx, fault(dialect, unsupported.toFault(), requestId), null, requestId, dialect);
                    return;
                } catch (BadRequest malformed) {
                    Refusals.note(ctx, malformed);
                    finish(ctx, fault(dialect, malformed, requestId), null, requestId, dialect);
                    return;
                }
            }
            reply = call(ctx, route, token.get(), version == null ? Microversion.DEFAULT : version, requestId,
                    params);
        } catch (ComputeException refused) {
            Refusals.note(ctx, refused);
            reply = fault(dialect, refused, requestId);

        } catch (io.javalin.http.HttpResponseException tooLarge) {
            reply = tooLarge.getStatus() == 413
                    ? fault(dialect, new ApiError(413, "overLimit", "Request is too large."), requestId)
                    : Errors.noRoute();
        } catch (RuntimeException bug) {
            LOG.error("unexpected error in {} {}", ctx.method(), ctx.path(), bug);
            reply = fault(dialect, new ApiError(500, "computeFault", "Unexpected API Error. Please report this at "
                    + "http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n<class '"
                    + bug.getClass().getName() + "'>"), requestId);
        }
        finish(ctx, reply, version, requestId, dialect);
    }

    /**
     * The fault body of a refusal in the dialect. A dialect that numbers its errors gets an error id derived from the
     * request id (a name-based UUID), so that it draws nothing more from the seeded id source than the other
     * dialects: the same calls give the same ids in every dialect.
     */
    private Reply fault(ComputeDialect dialect, ComputeException refusal, String requestId) {
        ComputeException translated = dialect.translate(refusal);
        String errorId = dialect.genericNotFound() ? java.util.UUID.nameUUIDFromBytes(
                ("errorid:" + requestId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString() : null;
        return Reply.json(translated.code(), dialect.faultBody(translated, errorId));
    }

    private Reply call(Context ctx, Route route, Token token, Microversion version, String requestId,
                       java.util.Map<String, String> params) {
        JsonNode body = null;
        boolean hasBody = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT;
        if (hasBody) {
            if (!Requests.acceptableJson(ctx)) {
                throw NovaErrors.unsupportedContentType();
            }
            body = Requests.bodyAbsent(ctx) ? null : Json.parse(Requests.body(ctx));
        }
        String urlProject = params.get("project_id");
        if (urlProject != null) {
            if (!urlProject.equals(token.projectId())) {
                throw NovaErrors.projectIdMismatch(urlProject, token.projectId());
            }
        }
        return route.handle(new Call(ctx, token, token.caller(), version, requestId, body, params));
    }

    private void finish(Context ctx, Reply reply, Microversion version, String requestId, ComputeDialect dialect) {
        if (version != null) {
            echoVersion(ctx, version.toString());
        }
        if (reply.status() < 400) {
            reply = new Reply(dialect.successCode(ctx.method().name(), ctx.path(), reply.status()), reply.body(), reply.headers());
        }
        String type = reply.body() instanceof String ? "text/plain; charset=UTF-8"
                : reply.status() >= 400 ? FAULT_JSON : reply.body() == null ? dialect.emptyContentType() : JSON;
        Replies.write(ctx, reply, type, dialect.writer());
        simulation.record(ctx, requestId, reply.status());
    }

    private static void echoVersion(Context ctx, String version) {
        ctx.header("OpenStack-API-Version", "compute " + version);
        ctx.header("X-OpenStack-Nova-API-Version", version);
        ctx.res().addHeader("Vary", "OpenStack-API-Version");
        ctx.res().addHeader("Vary", "X-OpenStack-Nova-API-Version");
    }
}
