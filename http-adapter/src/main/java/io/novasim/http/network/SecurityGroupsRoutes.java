package io.novasim.http.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.SecurityGroup;
import io.novasim.model.network.SecurityGroupRule;
import io.novasim.state.command.CreateSecurityGroup;
import io.novasim.state.command.CreateSecurityGroupRule;
import io.novasim.state.command.DeleteSecurityGroup;
import io.novasim.state.command.DeleteSecurityGroupRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /v2.0/security-groups} and {@code /v2.0/security-group-rules}: listed (filtered by the attributes below),
 * shown, created and deleted, as Neutron's API shows them.
 */
final class SecurityGroupsRoutes {
    private static final Set<String> GROUP_FILTERS = Set.of("id", "name", "description", "tenant_id", "project_id");
    private static final Set<String> RULE_FILTERS = Set.of("id", "security_group_id", "direction", "ethertype",
            "protocol", "remote_group_id", "remote_ip_prefix", "tenant_id", "project_id");
    private static final Set<String> GROUP_KEYS = Set.of("name", "description", "stateful", "tenant_id",
            "project_id");
    private static final Set<String> RULE_KEYS = Set.of("security_group_id", "direction", "ethertype", "protocol",
            "port_range_min", "port_range_max", "remote_ip_prefix", "remote_group_id", "description", "tenant_id",
            "project_id");
    private static final List<String> PROTOCOLS = List.of("ah", "dccp", "egp", "esp", "gre", "icmp", "icmpv6",
            "igmp", "ipip", "ipv6-encap", "ipv6-frag", "ipv6-icmp", "ipv6-nonxt", "ipv6-opts", "ipv6-route", "ospf",
            "pgm", "rsvp", "sctp", "tcp", "udp", "udplite", "vrrp");

    private final Simulation simulation;

    SecurityGroupsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(NetworkApi api) {
        api.route("GET", "/security-groups", "get_security_groups", this::listGroups);
        api.route("POST", "/security-groups", "create_security_group", this::createGroup);
        api.route("GET", "/security-groups/{security_group_id}", "get_security_group", this::showGroup);
        api.route("DELETE", "/security-groups/{security_group_id}", "delete_security_group", call -> {
            simulation.cloud().execute(call.caller(), new DeleteSecurityGroup(call.path("security_group_id")),
                    call.requestId());
            return Reply.empty(204);
        });
        api.route("GET", "/security-group-rules", "get_security_group_rules", this::listRules);
        api.route("POST", "/security-group-rules", "create_security_group_rule", this::createRule);
        api.route("GET", "/security-group-rules/{rule_id}", "get_security_group_rule", this::showRule);
        api.route("DELETE", "/security-group-rules/{rule_id}", "delete_security_group_rule", call -> {
            simulation.cloud().execute(call.caller(), new DeleteSecurityGroupRule(call.path("rule_id")),
                    call.requestId());
            return Reply.empty(204);
        });
    }

    private Reply listGroups(Call call) {
        QueryFilter filter = new QueryFilter(call, GROUP_FILTERS);
        List<Object> views = new ArrayList<>();
        for (SecurityGroup group : simulation.cloud().securityGroups(call.caller())) {
            Map<String, Object> view = groupView(group);
            if (filter.matches(view)) {
                views.add(filter.selected(view));
            }
        }
        return Reply.ok(Json.object("security_groups", views));
    }

    private Reply showGroup(Call call) {
        String id = call.path("security_group_id");
        SecurityGroup group = simulation.cloud().securityGroups(call.caller()).stream()
                .filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new NeutronError(Refusal.SECURITY_GROUP_NOT_FOUND, id));
        return Reply.ok(Json.object("security_group", new QueryFilter(call, Set.of()).selected(groupView(group))));
    }

    private Reply createGroup(Call call) {
        JsonNode group = NeutronBody.resource(call, "security_group", GROUP_KEYS);
        if (group.has("stateful") && !group.get("stateful").asBoolean(true)) {
            throw new NeutronError(Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED, "stateless security groups");
        }
        ownProject(call, group);
        SecurityGroup created = simulation.cloud().execute(call.caller(), new CreateSecurityGroup(
                NeutronBody.text(group, "name", ""), NeutronBody.text(group, "description", "")), call.requestId()).securityGroup();
        return Reply.json(201, Json.object("security_group", groupView(created)));
    }

    private Reply listRules(Call call) {
        QueryFilter filter = new QueryFilter(call, RULE_FILTERS);
        List<Object> views = new ArrayList<>();
        for (SecurityGroup group : simulation.cloud().securityGroups(call.caller())) {
            for (SecurityGroupRule rule : group.rules()) {
                Map<String, Object> view = ruleView(rule);
                if (filter.matches(view)) {
                    views.add(filter.selected(view));
                }
            }
        }
        return Reply.ok(Json.object("security_group_rules", views));
    }

    private Reply showRule(Call call) {
        String id = call.path("rule_id");
        for (SecurityGroup group : simulation.cloud().securityGroups(call.caller())) {
            for (SecurityGroupRule rule : group.rules()) {
                if (rule.id().equals(id)) {
                    return Reply.ok(Json.object("security_group_rule", ruleView(rule)));
                }
            }
        }
        throw new NeutronError(Refusal.SECURITY_GROUP_RULE_NOT_FOUND, id);
    }

    private Reply createRule(Call call) {
        JsonNode rule = NeutronBody.resource(call, "security_group_rule", RULE_KEYS);
        ownProject(call, rule);
        String groupId = NeutronBody.text(rule, "security_group_id", null);
        if (groupId == null) {
            throw new NeutronError(Refusal.REQUIRED_ATTRIBUTE_MISSING, "security_group_id");
        }
        String direction = NeutronBody.text(rule, "direction", null);
        if (direction == null) {
            throw new NeutronError(Refusal.REQUIRED_ATTRIBUTE_MISSING, "direction");
        }
        if (!direction.equals("ingress") && !direction.equals("egress")) {
            throw new NeutronError(Refusal.NEUTRON_NOT_IN, "direction", direction, "['ingress', 'egress']");
        }
        String ethertype = NeutronBody.text(rule, "ethertype", "IPv4");
        if (!ethertype.equals("IPv4") && !ethertype.equals("IPv6")) {
            throw new NeutronError(Refusal.NEUTRON_NOT_IN, "ethertype", ethertype, "['IPv4', 'IPv6']");
        }
        String protocol = protocol(rule.get("protocol"));
        Integer min = port(rule, "port_range_min");
        Integer max = port(rule, "port_range_max");
        if ((min != null || max != null) && protocol == null) {
            throw new NeutronError(Refusal.SECURITY_GROUP_PORTS_WITHOUT_PROTOCOL);
        }
        if (min != null && max != null && min > max && ("tcp".equals(protocol) || "udp".equals(protocol))) {
            throw new NeutronError(Refusal.SECURITY_GROUP_PORT_RANGE);
        }
        SecurityGroupRule created = simulation.cloud().execute(call.caller(), new CreateSecurityGroupRule(groupId,
                direction, ethertype, protocol, min, max, NeutronBody.text(rule, "remote_ip_prefix", null),
                NeutronBody.text(rule, "remote_group_id", null), NeutronBody.text(rule, "description", "")), call.requestId())
                .securityGroupRule();
        return Reply.json(201, Json.object("security_group_rule", ruleView(created)));
    }

    private static String protocol(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("[0-9]+") && Integer.parseInt(text) <= 255 || PROTOCOLS.contains(text)) {
            return text;
        }
        throw new NeutronError(Refusal.SECURITY_GROUP_PROTOCOL, value.asText(), PROTOCOLS);
    }

    private static Integer port(JsonNode rule, String key) {
        JsonNode value = rule.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.asText().matches("[0-9]+") || Integer.parseInt(value.asText()) > 65535) {
            throw new NeutronError(Refusal.NEUTRON_PORT_INVALID, key, value.asText());
        }
        return Integer.parseInt(value.asText());
    }

    private static void ownProject(Call call, JsonNode object) {
        for (String key : List.of("project_id", "tenant_id")) {
            String project = NeutronBody.text(object, key, call.caller().projectId());
            if (!project.equals(call.caller().projectId())) {
                throw new NeutronError(call.caller().admin() ? Refusal.NEUTRON_ATTRIBUTE_NOT_SIMULATED
                        : Refusal.OTHER_PROJECT_NEEDS_ADMIN, "security groups for another project");
            }
        }
    }

    private static Map<String, Object> groupView(SecurityGroup group) {
        Map<String, Object> view = Json.object();
        view.put("id", group.id());
        view.put("name", group.name());
        view.put("description", group.description());
        view.put("tenant_id", group.projectId());
        view.put("project_id", group.projectId());
        view.put("security_group_rules", group.rules().stream().map(SecurityGroupsRoutes::ruleView).toList());
        view.put("stateful", true);
        view.put("shared", false);
        view.put("tags", List.of());
        view.put("created_at", Json.time(group.created()));
        view.put("updated_at", Json.time(group.created()));
        view.put("revision_number", 1);
        return view;
    }

    private static Map<String, Object> ruleView(SecurityGroupRule rule) {
        Map<String, Object> view = Json.object();
        view.put("id", rule.id());
        view.put("tenant_id", rule.projectId());
        view.put("project_id", rule.projectId());
        view.put("security_group_id", rule.securityGroupId());
        view.put("direction", rule.direction());
        view.put("ethertype", rule.ethertype());
        view.put("protocol", rule.protocol());
        view.put("port_range_min", rule.portRangeMin());
        view.put("port_range_max", rule.portRangeMax());
        view.put("remote_ip_prefix", rule.remoteIpPrefix());
        view.put("remote_group_id", rule.remoteGroupId());
        view.put("remote_address_group_id", null);
        view.put("normalized_cidr", rule.remoteIpPrefix());
        view.put("description", rule.description() == null ? "" : rule.description());
        view.put("tags", List.of());
        view.put("created_at", Json.time(rule.created()));
        view.put("updated_at", Json.time(rule.created()));
        view.put("revision_number", 0);
        return view;
    }
}
