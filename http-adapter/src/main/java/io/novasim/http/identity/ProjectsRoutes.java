package io.novasim.http.identity;

import io.novasim.http.Simulation;
import io.novasim.http.support.Errors;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.catalog.Project;
import io.novasim.model.error.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keystone's projects, read-only, as clients look them up (openstackclient's {@code quota set demo} finds the project
 * by id, then by name): {@code GET /v3/projects} (admins; filtered by name, domain, parent, enabled), a project by id
 * (admins, or the caller's own) and a user's own projects. Keystone's Zed default policies decide who may read what.
 */
final class ProjectsRoutes {
    static final String PROJECTS = "/identity/v3/projects";
    /** The attributes Keystone's project list filters on exactly (others it ignores, as Keystone does). */
    private static final List<String> FILTERS = List.of("name", "domain_id", "enabled", "is_domain", "parent_id");

    private final Simulation simulation;

    ProjectsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    /** The answer to a projects request, or null when the path is not one of these routes. */
    Reply handle(Exchange exchange) {
        if (!exchange.method().equals("GET")) {
            return null;
        }
        String path = exchange.path().replaceAll("/$", "");
        if (path.equals(PROJECTS)) {
            return authenticated(exchange, token -> list(exchange, token));
        }
        if (path.startsWith(PROJECTS + "/") && path.indexOf('/', PROJECTS.length() + 1) < 0) {
            return authenticated(exchange, token -> show(exchange, token, path.substring(PROJECTS.length() + 1)));
        }
        String users = "/identity/v3/users/";
        if (path.startsWith(users) && path.endsWith("/projects")) {
            String userId = path.substring(users.length(), path.length() - "/projects".length());
            if (!userId.contains("/")) {
                return authenticated(exchange, token -> ofUser(exchange, token, userId));
            }
        }
        return null;
    }

    private Reply authenticated(Exchange exchange, java.util.function.Function<Token, Reply> handler) {
        Optional<Token> token = simulation.tokens().valid(exchange.header("X-Auth-Token"), simulation.now());
        return token.isEmpty() ? Errors.unauthorized() : handler.apply(token.get());
    }

    private Reply list(Exchange exchange, Token token) {
        if (!token.admin()) {
            return Errors.keystone(Refusal.KEYSTONE_FORBIDDEN, "identity:list_projects");
        }
        List<Object> views = new ArrayList<>();
        for (Project project : simulation.setup().catalog().projects()) {
            Map<String, Object> view = view(exchange, project);
            if (FILTERS.stream().allMatch(f -> exchange.query(f) == null
                    || exchange.query(f).equalsIgnoreCase(String.valueOf(view.get(f))))) {
                views.add(view);
            }
        }
        return Reply.ok(Json.object("projects", views, "links", links(exchange, PROJECTS)));
    }

    private Reply show(Exchange exchange, Token token, String projectId) {
        Optional<Project> project = simulation.setup().catalog().project(projectId);
        if (!token.admin() && !projectId.equals(token.projectId())) {
            // Keystone checks the policy against the project it found, so a stranger's and a missing one look alike
            return Errors.keystone(Refusal.KEYSTONE_FORBIDDEN, "identity:get_project");
        }
        if (project.isEmpty()) {
            return Errors.keystone(Refusal.PROJECT_NOT_FOUND, projectId);
        }
        return Reply.ok(Json.object("project", view(exchange, project.get())));
    }

    private Reply ofUser(Exchange exchange, Token token, String userId) {
        if (!token.admin() && !userId.equals(token.userId())) {
            return Errors.keystone(Refusal.KEYSTONE_FORBIDDEN, "identity:list_user_projects");
        }
        List<Object> views = new ArrayList<>();
        for (Project project : simulation.setup().catalog().projects()) {
            if (!simulation.setup().rolesOf(userId, project.id()).isEmpty()) {
                views.add(view(exchange, project));
            }
        }
        return Reply.ok(Json.object("projects", views, "links",
                links(exchange, "/identity/v3/users/" + userId + "/projects")));
    }

    /** A project as Keystone shows it: a top-level project's parent is its domain. */
    private static Map<String, Object> view(Exchange exchange, Project project) {
        Map<String, Object> view = Json.object();
        view.put("is_domain", false);
        view.put("description", "");
        view.put("domain_id", project.domainId());
        view.put("enabled", true);
        view.put("id", project.id());
        view.put("name", project.name());
        view.put("parent_id", project.domainId());
        view.put("tags", List.of());
        view.put("options", Map.of());
        view.put("links", Json.object("self", exchange.base() + PROJECTS + "/" + project.id()));
        return view;
    }

    private static Map<String, Object> links(Exchange exchange, String path) {
        Map<String, Object> links = Json.object();
        links.put("next", null);
        links.put("self", exchange.base() + path);
        links.put("previous", null);
        return links;
    }
}
