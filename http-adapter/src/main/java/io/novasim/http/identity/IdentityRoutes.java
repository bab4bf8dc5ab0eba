package io.novasim.http.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ApiResponse;
import io.novasim.CloudSetup;
import io.novasim.http.Simulation;
import io.novasim.http.compute.ComputeDialect;
import io.novasim.http.support.Errors;
import io.novasim.state.faults.Service;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Json;
import io.novasim.http.support.OpenStackRoutes;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Requests;
import io.novasim.http.support.RouteTable;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.model.error.BadRequest;
import io.novasim.model.error.Refusal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Keystone v3 subset clients need (client-wire-contract.md §2), under {@code /identity}: version documents,
 * password and token authentication scoped to a project by id or by name and domain, token validation and
 * revocation. The token's catalog points every service at this same server.
 */
@Singleton
public final class IdentityRoutes {
    public static final String REGION = "RegionOne";
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String JSON = "application/json";
    /** The routes real Keystone serves, under {@code /identity}: 501 there, 404 elsewhere. */
    private static final OpenStackRoutes OPENSTACK = OpenStackRoutes.load("identity", "");

    private final Simulation simulation;
    private final ProjectsRoutes projects;

    @Inject
    public IdentityRoutes(Simulation simulation) {
        this.simulation = simulation;
        this.projects = new ProjectsRoutes(simulation);
    }

    /** Keystone's routes here, as {@code METHOD /path}: what {@link #handle} answers. */
    public java.util.List<String> routes() {
        return java.util.List.of("GET /identity", "GET /identity/v3", "POST /identity/v3/auth/tokens",
                "GET /identity/v3/auth/tokens", "HEAD /identity/v3/auth/tokens", "DELETE /identity/v3/auth/tokens",
                "GET /identity/v3/projects", "GET /identity/v3/projects/{project_id}",
                "GET /identity/v3/users/{user_id}/projects");
    }

    /**
     * Answers a request under {@code /identity}: the version documents, {@code /v3/auth/tokens}, then projects.
     *
     * @return the answer, or null when the path and method are not Keystone's
     */
    public ApiResponse handle(Exchange exchange) {
        if (simulation.hasServiceFaultRules()) {
            return underFaultRules(exchange);
        }
        return answer(exchange);
    }

    /**
     * While a fault rule looks at other services' calls: Keystone may be down (its load balancer answers for it), and
     * a rule may answer a token or project call with an error, make its answer slow or lose it.
     */
    private ApiResponse underFaultRules(Exchange exchange) {
        String operation = operationOf(exchange);
        String requestId = simulation.newRequestId();
        try {
            Token token = simulation.authenticate(exchange.header("X-Auth-Token")).orElse(null);
            simulation.serviceCall(Service.IDENTITY, operation, token, requestId);
        } catch (io.novasim.model.error.ComputeException refused) {
            if (refused.refusal() == Refusal.SERVICE_DOWN) {
                return Replies.render(exchange, Errors.serviceDown(), JSON);
            }
            return Replies.render(exchange, Errors.retryAfter(Errors.keystone(refused,
                    Errors.reasonPhrase(refused.code())), refused), JSON);
        }
        ApiResponse response = answer(exchange);
        simulation.cloud().takeAnswerEffect(requestId).ifPresent(exchange::answerFault);
        return response;
    }

    /** The name fault rules know a Keystone call by, or null for the version documents and unknown routes. */
    private static String operationOf(Exchange exchange) {
        String path = exchange.path();
        String method = exchange.method();
        if (path.equals("/identity/v3/auth/tokens")) {
            return switch (method) {
                case "POST" -> "issue_token";
                case "GET", "HEAD" -> "validate_token";
                case "DELETE" -> "revoke_token";
                default -> null;
            };
        }
        if (!method.equals("GET")) {
            return null;
        }
        if (path.equals("/identity/v3/projects")) {
            return "get_projects";
        }
        if (path.startsWith("/identity/v3/projects/")) {
            return "get_project";
        }
        return path.startsWith("/identity/v3/users/") && path.endsWith("/projects") ? "get_user_projects" : null;
    }

    private ApiResponse answer(Exchange exchange) {
        String path = exchange.path();
        boolean get = exchange.method().equals("GET");
        Reply reply;
        if (get && (path.equals("/identity") || path.equals("/identity/"))) {
            reply = Reply.json(300, Json.object("versions", Json.object("values", List.of(version(exchange)))));
        } else if (get && (path.equals("/identity/v3") || path.equals("/identity/v3/"))) {
            reply = Reply.ok(Json.object("version", version(exchange)));
        } else if (path.equals("/identity/v3/auth/tokens")) {
            reply = switch (exchange.method()) {
                case "POST" -> guarded(() -> issue(exchange));
                case "GET", "HEAD" -> guarded(() -> validate(exchange));
                case "DELETE" -> guarded(() -> revoke(exchange));
                default -> null;
            };
        } else {
            reply = projects.handle(exchange);
        }
        if (reply == null) {
            return notSimulated(exchange);
        }
        return Replies.render(exchange, reply, JSON);
    }

    /**
     * Keystone's 501 for a route real Keystone serves and novasim does not (its 401 without a valid token), journaled
     * and logged; else null.
     */
    private ApiResponse notSimulated(Exchange exchange) {
        String real = OPENSTACK.find(exchange.method(), RouteTable.split(exchange.path()), 1);
        if (real == null) {
            return null;
        }
        String requestId = simulation.newRequestId();
        exchange.header("x-openstack-request-id", requestId);
        // Keystone checks the token of a route it serves before anything else
        Reply reply = simulation.authenticate(exchange.header("X-Auth-Token")).isEmpty() ? Errors.unauthorized()
                : OpenStackRoutes.notSimulated(exchange, Refusal.KEYSTONE_NOT_SIMULATED, real);
        ApiResponse response = Replies.render(exchange, reply, JSON);
        simulation.record(exchange, requestId, reply.status());
        return response;
    }

    private static Reply guarded(java.util.function.Supplier<Reply> handler) {
        try {
            return handler.get();
        } catch (BadRequest bad) {
            return Errors.keystone(bad, "Bad Request");
        }
    }

    private static Map<String, Object> version(Exchange ctx) {
        Map<String, Object> version = Json.object();
        version.put("id", "v3.14");
        version.put("status", "stable");
        version.put("updated", "2020-04-07T00:00:00Z");
        version.put("links", List.of(Json.object("rel", "self", "href", base(ctx) + "/identity/v3/")));
        version.put("media-types", List.of(Json.object("base", "application/json",
                "type", "application/vnd.openstack.identity-v3+json")));
        return version;
    }

    private static String base(Exchange exchange) {
        return exchange.base();
    }

    private Reply issue(Exchange ctx) {
        JsonNode body = Json.parse(Requests.body(ctx));
        JsonNode identity = body == null ? null : body.path("auth").get("identity");
        if (identity == null || !identity.path("methods").isArray()) {
            return Errors.keystone(Refusal.IDENTITY_MISSING);
        }
        List<String> methods = new ArrayList<>();
        identity.path("methods").forEach(m -> methods.add(m.asText()));
        Instant now = simulation.now();
        String userId;
        if (methods.contains("password")) {
            Optional<User> user = passwordUser(identity.path("password").path("user"));
            if (user.isEmpty()) {
                return Errors.unauthorized();
            }
            userId = user.get().id();
        } else if (methods.contains("token")) {
            Optional<Token> token = simulation.tokens().valid(identity.path("token").path("id").asText(null), now);
            if (token.isEmpty()) {
                return Errors.unauthorized();
            }
            userId = token.get().userId();
        } else {
            return Errors.unauthorized();
        }
        JsonNode scope = body.path("auth").path("scope");
        String projectId = null;
        Set<String> roles = Set.of();
        if (scope.has("project")) {
            Optional<Project> project = project(scope.path("project"));
            if (project.isEmpty()) {
                return Errors.unauthorized();
            }
            projectId = project.get().id();
            roles = simulation.setup().rolesOf(userId, projectId);
            if (roles.isEmpty()) {
                return Errors.unauthorized();
            }
        }
        Token token = simulation.tokens().issue(userId, projectId, roles, methods, now);
        return Reply.json(201, Json.object("token", tokenBody(ctx, token)))
                .withHeader("X-Subject-Token", token.id());
    }

    private Optional<User> passwordUser(JsonNode user) {
        Catalog catalog = simulation.setup().catalog();
        Optional<User> found = Optional.empty();
        if (user.hasNonNull("id")) {
            found = catalog.user(user.get("id").asText());
        } else if (user.hasNonNull("name")) {
            String domain = domainId(user.path("domain"));
            found = catalog.users().stream()
                    .filter(u -> u.name().equals(user.get("name").asText()) && u.domainId().equals(domain))
                    .findFirst();
        }
        String password = user.path("password").asText(null);
        return found.filter(u -> password != null && password.equals(simulation.setup().passwords().get(u.id())));
    }

    private Optional<Project> project(JsonNode project) {
        Catalog catalog = simulation.setup().catalog();
        if (project.hasNonNull("id")) {
            return catalog.project(project.get("id").asText());
        }
        String domain = domainId(project.path("domain"));
        return catalog.projects().stream()
                .filter(p -> p.name().equals(project.path("name").asText()) && p.domainId().equals(domain))
                .findFirst();
    }

    /** A domain by id or by name; the one domain is {@code default}, named {@code Default}. */
    private static String domainId(JsonNode domain) {
        if (domain.hasNonNull("id")) {
            return domain.get("id").asText();
        }
        if (domain.hasNonNull("name")) {
            return domain.get("name").asText().equalsIgnoreCase("Default") ? CloudSetup.DEFAULT_DOMAIN
                    : domain.get("name").asText();
        }
        return CloudSetup.DEFAULT_DOMAIN;
    }

    private Reply validate(Exchange ctx) {
        Instant now = simulation.now();
        if (simulation.tokens().valid(ctx.header("X-Auth-Token"), now).isEmpty()) {
            return Errors.unauthorized();
        }
        String subject = ctx.header("X-Subject-Token");
        Optional<Token> token = simulation.tokens().valid(subject, now);
        if (token.isEmpty()) {
            return Errors.keystone(Refusal.TOKEN_NOT_FOUND, subject);
        }
        return Reply.ok(Json.object("token", tokenBody(ctx, token.get()))).withHeader("X-Subject-Token", subject);
    }

    private Reply revoke(Exchange ctx) {
        Instant now = simulation.now();
        if (simulation.tokens().valid(ctx.header("X-Auth-Token"), now).isEmpty()) {
            return Errors.unauthorized();
        }
        String subject = ctx.header("X-Subject-Token");
        if (subject == null || !simulation.tokens().revoke(subject)) {
            return Errors.keystone(Refusal.TOKEN_NOT_FOUND, subject);
        }
        return Reply.empty(204);
    }

    private Map<String, Object> tokenBody(Exchange ctx, Token token) {
        Catalog catalog = simulation.setup().catalog();
        Map<String, Object> body = Json.object();
        body.put("methods", token.methods());
        User user = catalog.user(token.userId()).orElse(new User(token.userId(), token.userId(),
                CloudSetup.DEFAULT_DOMAIN));
        Map<String, Object> userView = Json.object();
        userView.put("domain", domain());
        userView.put("id", user.id());
        userView.put("name", user.name());
        userView.put("password_expires_at", null);
        body.put("user", userView);
        body.put("audit_ids", List.of(token.id().substring(6, 28)));
        body.put("expires_at", KEYSTONE_TIME.format(token.expiresAt()));
        body.put("issued_at", KEYSTONE_TIME.format(token.issuedAt()));
        if (token.scoped()) {
            Project project = catalog.project(token.projectId()).orElseThrow();
            Map<String, Object> projectView = Json.object();
            projectView.put("domain", domain());
            projectView.put("id", project.id());
            projectView.put("name", project.name());
            body.put("project", projectView);
            body.put("is_domain", false);
            List<Object> roles = new ArrayList<>();
            token.roles().stream().sorted().forEach(role -> roles.add(Json.object("id", roleId(role), "name", role)));
            body.put("roles", roles);
            body.put("catalog", catalog(base(ctx), project.id(), simulation.settings().dialects()));
        }
        return body;
    }

    private static Map<String, Object> domain() {
        return Json.object("id", CloudSetup.DEFAULT_DOMAIN, "name", "Default");
    }

    private static String roleId(String role) {
        return String.format("%032x", new java.math.BigInteger(1, role.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The catalog types of the vendor dialects that authenticate with Keystone. Their types are their own, never
     * {@code compute}: clients pick the compute endpoint by type (client-wire-contract.md §1), and an entry of type
     * {@code compute} would make them choose among several. Hostway uses Basic authentication and has no entry.
     */
    private static final Map<String, String[]> DIALECT_SERVICES = Map.of(
            ComputeDialect.ECL_COMPUTE.name(), new String[]{"compute-ecl", "ecl-compute"},
            ComputeDialect.ECL_BAREMETAL.name(), new String[]{"baremetal-server", "ecl-baremetal"});

    /** One entry per service, every one on this server (client-wire-contract.md §1); no vendor dialect. */
    public static List<Object> catalog(String base, String projectId) {
        return catalog(base, projectId, Set.of());
    }

    /**
     * One entry per service, every one on this server (client-wire-contract.md §1), and one per vendor dialect served
     * ({@code dialects}, by name) that uses Keystone, at its base URL with the project id for the tenant.
     */
    public static List<Object> catalog(String base, String projectId, Set<String> dialects) {
        List<Object> entries = new ArrayList<>();
        entries.add(service("compute", "nova", base + "/v2.1/" + projectId));
        entries.add(service("network", "neutron", base + "/network"));
        entries.add(service("volumev3", "cinderv3", base + "/volume/v3/" + projectId));
        entries.add(service("image", "glance", base + "/image"));
        entries.add(service("identity", "keystone", base + "/identity"));
        for (ComputeDialect dialect : ComputeDialect.all()) {
            String[] service = DIALECT_SERVICES.get(dialect.name());
            if (service != null && !dialect.basicAuth() && dialects.contains(dialect.name())) {
                entries.add(service(service[0], service[1], dialect.baseUrl(base).replace("{tenant_id}", projectId)));
            }
        }
        return entries;
    }

    private static Map<String, Object> service(String type, String name, String url) {
        Map<String, Object> endpoint = Json.object();
        endpoint.put("id", name + "-public");
        endpoint.put("interface", "public");
        endpoint.put("region", REGION);
        endpoint.put("region_id", REGION);
        endpoint.put("url", url);
        Map<String, Object> entry = Json.object();
        entry.put("endpoints", List.of(endpoint));
        entry.put("id", name);
        entry.put("name", name);
        entry.put("type", type);
        return entry;
    }
}
