package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.ServerGroup;
import io.novasim.state.command.CreateServerGroup;
import io.novasim.state.command.DeleteServerGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /os-server-groups}: a project's server groups, created with {@code policies} (one of them) before 2.64 and
 * {@code policy} with {@code rules} from 2.64, as Nova's server_groups controller shows them; soft policies from 2.15.
 */
final class ServerGroupsRoutes {
    private final Simulation simulation;

    ServerGroupsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/os-server-groups", this::list);
        api.route("POST", "/os-server-groups", this::create);
        api.route("GET", "/os-server-groups/{group_id}", call -> Reply.ok(Json.object("server_group",
                view(call, simulation.cloud().serverGroup(call.caller(), call.path("group_id"))))));
        api.route("DELETE", "/os-server-groups/{group_id}", call -> {
            simulation.cloud().execute(call.caller(), new DeleteServerGroup(call.path("group_id")), call.requestId());
            return Reply.empty(204);
        });
    }

    private Reply list(Call call) {
        boolean all = "True".equalsIgnoreCase(String.valueOf(call.query("all_projects")))
                || "1".equals(call.query("all_projects"));
        List<Object> views = new ArrayList<>();
        for (ServerGroup group : simulation.cloud().serverGroups(call.caller(), all)) {
            views.add(view(call, group));
        }
        return Reply.ok(Json.object("server_groups", views));
    }

    private Reply create(Call call) {
        JsonNode group = Schema.envelope(call.body(), "server_group");
        Schema.object(group, "server_group");
        boolean v264 = call.atLeast(64);
        Schema.onlyKeys(group, "server_group", v264 ? Set.of("name", "policy", "rules") : Set.of("name", "policies"));
        Schema.required(group, "server_group", "name");
        String name = Schema.string(group, "name", false, 1, 255);
        List<String> allowed = call.atLeast(15) ? ServerGroup.POLICIES : ServerGroup.POLICIES.subList(0, 2);
        String policy;
        Integer maxPerHost = null;
        if (v264) {
            Schema.required(group, "server_group", "policy");
            policy = Schema.oneOf(group, "policy", allowed);
            JsonNode rules = group.get("rules");
            if (rules != null && !rules.isEmpty()) {
                Schema.object(rules, "rules");
                Schema.onlyKeys(rules, "rules", Set.of("max_server_per_host"));
                if (!policy.equals("anti-affinity")) {
                    throw Refusal.SERVER_GROUP_RULES_ONLY_ANTI_AFFINITY.exception();
                }
                maxPerHost = Schema.integer(rules, "max_server_per_host", 1);
            }
        } else {
            JsonNode policies = Schema.required(group, "server_group", "policies");
            if (!policies.isArray()) {
                throw Schema.fail("policies", policies, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(policies),
                        "'array'"));
            }
            if (policies.size() != 1) {
                throw Schema.fail("policies", policies, (policies.isEmpty() ? Refusal.Reason.TOO_SHORT
                        : Refusal.Reason.TOO_LONG).text(Schema.repr(policies)));
            }
            policy = policies.get(0).asText();
            if (!policies.get(0).isTextual() || !allowed.contains(policy)) {
                throw Schema.fail("0", policies.get(0), Refusal.Reason.NOT_ONE_OF.text(
                        Schema.repr(policies.get(0)), allowed.stream().map(p -> "'" + p + "'").toList()));
            }
        }
        ServerGroup created = simulation.cloud().execute(call.caller(), new CreateServerGroup(name, policy,
                maxPerHost), call.requestId()).serverGroup();
        return Reply.ok(Json.object("server_group", view(call, created)));
    }

    private static Map<String, Object> view(Call call, ServerGroup group) {
        Map<String, Object> view = Json.object();
        view.put("id", group.id());
        view.put("name", group.name());
        if (call.atLeast(64)) {
            view.put("policy", group.policy());
            view.put("rules", group.maxServerPerHost() == null ? Map.of()
                    : Json.object("max_server_per_host", group.maxServerPerHost()));
        } else {
            view.put("policies", List.of(group.policy()));
        }
        view.put("members", group.members());
        if (!call.atLeast(64)) {
            view.put("metadata", Map.of());
        }
        if (call.atLeast(13)) {
            view.put("project_id", group.projectId());
            view.put("user_id", group.userId());
        }
        return view;
    }
}
