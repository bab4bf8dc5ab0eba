package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ApiResponse;
import io.novasim.http.Simulation;
import io.novasim.http.identity.Token;
import io.novasim.http.support.Call;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Json;
import io.novasim.http.support.Microversion;
import io.novasim.http.support.OpenStackRoutes;
import io.novasim.http.support.RawJson;
import io.novasim.http.support.ReadCache;
import io.novasim.http.support.Refusals;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Requests;
import io.novasim.http.support.Route;
import io.novasim.http.support.RouteTable;
import io.novasim.model.error.BadRequest;
import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.state.Cloud;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compute API: Nova v2.1 under {@code /v2.1} and each vendor dialect served under its own mount, one route table
 * for all of them. Its request pipeline follows Nova's order (nova-semantics.md §1): request id, authentication,
 * microversion, content type, body, project id in the URL, then the route. Every answer that reached the API carries
 * both request-id headers and, once the microversion is known, both version headers and two {@code Vary} headers.
 */
@Singleton
public final class ComputeApi {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeApi.class);
    static final String JSON = "application/json";
    /** The routes real Nova serves, for a request novasim routes nowhere: 501 there, 404 elsewhere. */
    private static final OpenStackRoutes OPENSTACK = OpenStackRoutes.load("compute", "");
    /** Those of them Nova answers 410 Gone (removed APIs it still routes). */
    private static final OpenStackRoutes GONE = OpenStackRoutes.load("compute-gone", "");
    static final String FAULT_JSON = "application/json; charset=UTF-8";

    private final Simulation simulation;
    private final BasicAuth basicAuth;
    private final RouteTable<Route> table = new RouteTable<>();
    private final ReadCache reads = new ReadCache();
    /** The dialects served besides Nova's, by the first segment of their mount ({@code ecl}, {@code hostway}). */
    private final List<ComputeDialect> dialects;

    @Inject
    public ComputeApi(Simulation simulation) {
        this.simulation = simulation;
        this.basicAuth = new BasicAuth(simulation);
        this.dialects = ComputeDialect.all().stream()
                .filter(d -> d != ComputeDialect.NOVA && simulation.settings().dialects().contains(d.name()))
                .toList();
        new ServersRoutes(simulation).register(this);
        new ServerActionsRoutes(simulation).register(this);
        new InterfacesRoutes(simulation).register(this);
        new VolumeAttachmentsRoutes(simulation).register(this);
        new InstanceActionsRoutes(simulation).register(this);
        new FlavorsRoutes(simulation).register(this);
        new KeypairsRoutes(simulation).register(this);
        new ServerMetadataRoutes(simulation).register(this);
        new ServerTagsRoutes(simulation).register(this);
        new MigrationsRoutes(simulation).register(this);
        new HostsRoutes(simulation).register(this);
        new ServerPasswordRoutes(simulation).register(this);
        new ServerGroupsRoutes(simulation).register(this);
        new QuotasRoutes(simulation).register(this);
    }

    /** {@code GET /}: the compute API's versions, which clients read first. */
    public ApiResponse root(Exchange exchange) {
        return ComputeVersions.root(exchange);
    }

    /** Adds a route under {@code /v2.1}, reachable with and without the project id in the path. */
    /** The routes Nova's API serves here, as {@code METHOD /v2.1/path}. */
    public java.util.List<String> routes() {
        java.util.List<String> routes = new java.util.ArrayList<>(java.util.List.of("GET /", "GET /v2.1"));
        table.routes().stream().map(r -> r.replaceFirst(" ", " /v2.1")).forEach(routes::add);
        return routes;
    }

    void route(String method, String path, Route route) {
        table.add(method, path, route);
    }

    /**
     * Answers a request whose first path segment is {@code v2.1}, or that of a served dialect's mount.
     *
     * @param segments the path's segments ({@link RouteTable#split})
     * @return the answer, or null when the path is under no compute mount
     */
    public ApiResponse handle(Exchange exchange, String[] segments) {
        if (segments[0].equals("v2.1")) {
            return dispatch(exchange, segments);
        }
        for (ComputeDialect dialect : dialects) {
            String[] mount = dialect.mountSegments();
            if (under(segments, mount)) {
                return dialect.tenantInPath() ? dispatchTenant(exchange, segments, dialect)
                        : dispatchPlain(exchange, segments, dialect);
            }
        }
        return null;
    }

    /** Whether a path segment could be a project id, as Nova's router takes one: {@code [0-9a-f-]+}. */
    static boolean looksLikeProjectId(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether the path is below the mount: every mount segment, and at least one more. */
    private static boolean under(String[] segments, String[] mount) {
        if (segments.length <= mount.length) {
            return false;
        }
        for (int i = 0; i < mount.length; i++) {
            if (!segments[i].equals(mount[i])) {
                return false;
            }
        }
        return true;
    }

    /** Nova answers a path or method it does not route with webob's 404; some dialects answer 405. */
    private ApiResponse noRoute(Exchange exchange, ComputeDialect dialect) {
        if (dialect.methodNotAllowed()) {
            ComputeException badMethod = Refusal.BAD_METHOD.exception(exchange.method(), exchange.path());
            return Replies.render(exchange, Reply.json(badMethod.code(), dialect.faultBody(badMethod, null))
                    .refusing(badMethod.refusal()), FAULT_JSON, dialect.writer());
        }
        return Replies.render(exchange, Errors.noRoute(), JSON);
    }

    /** A dialect whose paths carry no tenant: {@code <mount>/servers/...}. */
    private ApiResponse dispatchPlain(Exchange exchange, String[] segments, ComputeDialect dialect) {
        RouteTable.Match<Route> match = table.find(exchange.method(), segments, dialect.mountSegments().length);
        if (match == null) {
            return noRoute(exchange, dialect);
        }
        return handle(exchange, match.route(), match.params(), dialect);
    }

    /**
     * A dialect whose paths always carry the tenant: {@code <mount>/{tenant_id}/servers/...}. A tenant that is not
     * the token's is refused by the pipeline (Nova's 400, which a dialect may rewrite); one that is no tenant id at all
     * makes the URL unknown, except in a dialect answering 405 for unknown URLs, where it is a 404 (seed 002).
     */
    private ApiResponse dispatchTenant(Exchange exchange, String[] segments, ComputeDialect dialect) {
        int tenant = dialect.mountSegments().length;
        RouteTable.Match<Route> match = segments.length > tenant + 1
                ? table.find(exchange.method(), segments, tenant + 1) : null;
        if (match != null && !looksLikeProjectId(segments[tenant])) {
            if (dialect.methodNotAllowed()) {
                // a valid URL whose tenant is no tenant id: the bare-metal API's 404 for tenant_id (seed 002)
                String unknown = segments[tenant];
                return handle(exchange, call -> {
                    throw Refusal.TENANT_NOT_FOUND.exception(unknown);
                }, new HashMap<>(), dialect);
            }
            match = null;
        }
        if (match == null) {
            return noRoute(exchange, dialect);
        }
        Map<String, String> params = new HashMap<>(match.params());
        params.put("project_id", segments[tenant]);
        return handle(exchange, match.route(), params, dialect);
    }

    /**
     * Finds the route: first as if the path had no project id, then with its first segment as the project id (Nova
     * routes a project id only if it looks like one: {@code [0-9a-f-]+}).
     */
    private ApiResponse dispatch(Exchange exchange, String[] segments) {
        // segments[0] is "v2.1"
        if (segments.length == 1) {
            if (!exchange.method().equals("GET")) {
                return unrouted(exchange, segments);
            }
            stampRequestId(exchange, ComputeDialect.NOVA);
            return Replies.render(exchange, Reply.empty(302).withHeader("Location", "/v2.1/"), "text/plain");
        }
        if (segments.length == 2 && segments[1].isEmpty()) {
            stampRequestId(exchange, ComputeDialect.NOVA); // the version document's pipeline has compute_req_id too
            return ComputeVersions.current(exchange);
        }
        boolean projectFirst = looksLikeProjectId(segments[1]);
        if (projectFirst && (segments.length == 2 || (segments.length == 3 && segments[2].isEmpty()))
                && exchange.method().equals("GET")) {
            stampRequestId(exchange, ComputeDialect.NOVA);
            return ComputeVersions.current(exchange);
        }
        RouteTable.Match<Route> match = table.find(exchange.method(), segments, 1);
        Map<String, String> params = match == null ? null : match.params();
        if (match == null && projectFirst) {
            match = table.find(exchange.method(), segments, 2);
            if (match != null) {
                params = new HashMap<>(match.params());
                params.put("project_id", segments[1]);
            }
        }
        if (match == null) {
            return unrouted(exchange, segments);
        }
        return handle(exchange, match.route(), params, ComputeDialect.NOVA);
    }

    /**
     * Nova's answer to a path or method its router does not route: the request id and the token are checked first
     * (compute_req_id and authtoken come before the router in api-paste.ini), so a caller without a token gets the 401,
     * and one with a token webob's 404, with the request ids and without the microversion headers (no controller
     * answered); or, for a route real Nova has and novasim does not simulate, the 501 that says so (410 where Nova
     * itself answers Gone).
     */
    private ApiResponse unrouted(Exchange exchange, String[] segments) {
        String requestId = stampRequestId(exchange, ComputeDialect.NOVA);
        Optional<Token> token = simulation.authenticate(exchange.header("X-Auth-Token"));
        Reply reply;
        if (token.isEmpty()) {
            reply = Errors.unauthorized(exchange.base());
        } else {
            exchange.sentBy(token.get());
            if (realRoute(GONE, exchange.method(), segments) != null) {
                reply = Errors.of(Refusal.GONE);
            } else {
                String real = realRoute(OPENSTACK, exchange.method(), segments);
                reply = real == null ? Errors.noRoute()
                        : OpenStackRoutes.notSimulated(exchange, Refusal.NOT_SIMULATED, real);
            }
        }
        ApiResponse response = Replies.render(exchange, reply, reply.status() == 404 || reply.status() == 401
                ? JSON : FAULT_JSON);
        simulation.record(exchange, requestId, reply.status());
        return response;
    }

    /** The route of {@code routes} the request matches (a project id after {@code v2.1} set aside), or null. */
    private static String realRoute(OpenStackRoutes routes, String method, String[] segments) {
        String real = routes.find(method, segments, 0);
        if (real == null && segments.length > 2 && looksLikeProjectId(segments[1])) {
            String[] withoutProject = new String[segments.length - 1];
            withoutProject[0] = segments[0];
            System.arraycopy(segments, 2, withoutProject, 1, segments.length - 2);
            real = routes.find(method, withoutProject, 0);
        }
        return real;
    }

    /** Draws the request's id and sets it in the headers the dialect answers with; gives it back. */
    private String stampRequestId(Exchange exchange, ComputeDialect dialect) {
        String requestId = simulation.newRequestId();
        if (dialect.openstackRequestId()) {
            exchange.header("x-openstack-request-id", requestId);
            exchange.header("x-compute-request-id", requestId);
        } else {
            exchange.header("X-Compute-Request-Id", requestId);
        }
        return requestId;
    }

    private ApiResponse handle(Exchange exchange, Route route, Map<String, String> params, ComputeDialect dialect) {
        String requestId = stampRequestId(exchange, dialect);
        Reply reply;
        Microversion version = null;
        try {
            Optional<Token> token = dialect.basicAuth() ? basicAuth.authenticate(exchange.header("Authorization"))
                    : simulation.authenticate(exchange.header("X-Auth-Token"));
            if (token.isEmpty()) {
                return finish(exchange, dialect.basicAuth() ? BasicAuth.unauthorized()
                        : Errors.unauthorized(exchange.base()), null, requestId, dialect);
            }
            exchange.sentBy(token.get());
            if (dialect.microversions()) {
                try {
                    version = Microversion.negotiate(exchange.header("OpenStack-API-Version"),
                            exchange.header("X-OpenStack-Nova-API-Version"));
                } catch (Microversion.UnsupportedVersion unsupported) {
                    echoVersion(exchange, unsupported.requested());
                    Refusals.note(exchange, unsupported.toFault());
                    return finish(exchange, fault(dialect, unsupported.toFault(), requestId), null, requestId,
                            dialect);
                } catch (BadRequest malformed) {
                    Refusals.note(exchange, malformed);
                    return finish(exchange, fault(dialect, malformed, requestId), null, requestId, dialect);
                }
            }
            reply = call(exchange, route, token.get(), version == null ? Microversion.DEFAULT : version, requestId,
                    params, dialect);
        } catch (ComputeException refused) {
            Refusals.note(exchange, refused);
            reply = fault(dialect, refused, requestId);
        } catch (RuntimeException bug) {
            LOG.error("unexpected error in {} {}", exchange.method(), exchange.path(), bug);
            reply = fault(dialect, Refusal.UNEXPECTED_API_ERROR.exception(bug.getClass().getName()), requestId);
        }
        return finish(exchange, reply, version, requestId, dialect);
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
        Reply reply = Reply.json(translated.code(), dialect.faultBody(translated, errorId)).refusing(refusal.refusal());
        return Errors.retryAfter(reply, translated);
    }

    private Reply call(Exchange exchange, Route route, Token token, Microversion version, String requestId,
                       Map<String, String> params, ComputeDialect dialect) {
        JsonNode body = null;
        if (exchange.hasBody()) {
            if (!Requests.acceptableJson(exchange)) {
                throw Refusal.UNSUPPORTED_CONTENT_TYPE.exception();
            }
            body = Requests.bodyAbsent(exchange) ? null : Json.parse(Requests.body(exchange));
        }
        String urlProject = params.get("project_id");
        if (urlProject != null) {
            if (!urlProject.equals(token.projectId())) {
                throw Refusal.PROJECT_ID_MISMATCH.exception(urlProject, token.projectId());
            }
        }
        Call call = new Call(exchange, token, version, requestId, body, params, dialect);
        if (!exchange.method().equals("GET")) {
            return route.handle(call);
        }
        Cloud engine = simulation.cloud();
        ReadCache.Key key = new ReadCache.Key(engine, engine.version(), exchange.path(), exchange.queryString(),
                token.userId(), token.projectId(), token.admin(), exchange.base(),
                new ReadVariant(version.minor(), dialect.name()));
        Reply kept = reads.get(key);
        if (kept != null) {
            return kept;
        }
        Reply reply = route.handle(call);
        if (reply.body() != null && !(reply.body() instanceof String)) {
            reply = reply.withBody(new RawJson(dialect.writer().apply(reply.body())));
        }
        reads.put(key, reply);
        return reply;
    }

    /** What a compute read's answer depends on besides the path, the caller and the state. */
    private record ReadVariant(int microversion, String dialect) {
        @Override
        public boolean equals(Object other) { // written out, as ReadCache.Key's
            return other instanceof ReadVariant variant && microversion == variant.microversion
                    && dialect.equals(variant.dialect);
        }

        @Override
        public int hashCode() {
            return 31 * microversion + dialect.hashCode();
        }
    }

    private ApiResponse finish(Exchange exchange, Reply reply, Microversion version, String requestId,
                               ComputeDialect dialect) {
        if (version != null) {
            echoVersion(exchange, version.toString());
        }
        if (reply.status() < 400) {
            reply = reply.withStatus(dialect.successCode(exchange.method(), exchange.path(), reply.status()));
        }
        String type = reply.body() instanceof String ? "text/plain; charset=UTF-8"
                : reply.status() >= 400 ? FAULT_JSON : reply.body() == null ? dialect.emptyContentType() : JSON;
        ApiResponse response = Replies.render(exchange, reply, type, dialect.writer());
        simulation.record(exchange, requestId, reply.status());
        return response;
    }

    private static void echoVersion(Exchange exchange, String version) {
        exchange.header("OpenStack-API-Version", "compute " + version);
        exchange.header("X-OpenStack-Nova-API-Version", version);
        exchange.header("Vary", "OpenStack-API-Version");
        exchange.header("Vary", "X-OpenStack-Nova-API-Version");
    }
}
