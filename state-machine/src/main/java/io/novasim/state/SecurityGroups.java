package io.novasim.state;

import io.novasim.model.quota.QuotaResource;
import io.novasim.model.catalog.Project;
import io.novasim.model.error.Refusal;
import io.novasim.model.network.SecurityGroup;
import io.novasim.model.network.SecurityGroupRule;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateSecurityGroup;
import io.novasim.state.command.CreateSecurityGroupRule;
import io.novasim.state.command.Receipt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Neutron's security groups: each project's {@code default} group (two egress rules, and ingress from its own
 * members), and the groups and rules users add. The simulator keeps them as Neutron shows them; it filters no
 * traffic, as there is none.
 */
final class SecurityGroups {
    private final World world;
    private final Quotas quotas;

    SecurityGroups(World world, Quotas quotas) {
        this.quotas = quotas;
        this.world = world;
    }

    /** Every project's default group, with ids made from the project's, so that they take no seeded draws. */
    static void addDefaults(World world, Instant start) {
        for (Project project : world.catalog.projects()) {
            String id = defaultId(project.id());
            List<SecurityGroupRule> rules = new ArrayList<>();
            int n = 0;
            for (String ethertype : List.of("IPv4", "IPv6")) {
                rules.add(new SecurityGroupRule(stableId(id + ":" + n++), id, project.id(), "egress", ethertype, null,
                        null, null, null, null, null, start));
                rules.add(new SecurityGroupRule(stableId(id + ":" + n++), id, project.id(), "ingress", ethertype,
                        null, null, null, null, id, null, start));
            }
            world.securityGroups.put(id, new SecurityGroup(id, "default", "Default security group", project.id(),
                    rules, start));
        }
    }

    private static String stableId(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The id of a project's default group, made from the project's. */
    static String defaultId(String projectId) {
        return stableId("default-security-group:" + projectId);
    }

    Receipt create(Caller caller, CreateSecurityGroup command, String requestId, Instant now) {
        if (command.name().equals("default")) {
            throw Refusal.SECURITY_GROUP_DEFAULT_EXISTS.exception();
        }
        // the group, then the two egress rules it comes with, each checked on its own (securitygroups_db.py)
        quotas.checkNetwork(caller.projectId(), java.util.Map.of(QuotaResource.SECURITY_GROUP, 1));
        quotas.checkNetwork(caller.projectId(), java.util.Map.of(QuotaResource.SECURITY_GROUP_RULE, 2));
        String id = world.ids.uuid();
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (String ethertype : List.of("IPv4", "IPv6")) {
            rules.add(new SecurityGroupRule(world.ids.uuid(), id, caller.projectId(), "egress", ethertype, null, null,
                    null, null, null, null, now));
        }
        SecurityGroup group = new SecurityGroup(id, command.name(), command.description(), caller.projectId(), rules,
                now);
        world.securityGroups.put(id, group);
        return Receipt.of(requestId, group);
    }

    Receipt delete(Caller caller, String groupId, String requestId) {
        SecurityGroup group = visible(caller, groupId);
        if (group.isDefault() && !caller.admin()) {
            throw Refusal.SECURITY_GROUP_DEFAULT_UNDELETABLE.exception();
        }
        for (io.novasim.model.network.Port port : world.ports.values()) {
            if (port.securityGroupIds().contains(groupId)) {
                throw Refusal.SECURITY_GROUP_IN_USE.exception(groupId);
            }
        }
        world.securityGroups.remove(groupId);
        return Receipt.of(requestId, group);
    }

    Receipt addRule(Caller caller, CreateSecurityGroupRule command, String requestId, Instant now) {
        SecurityGroup group = visible(caller, command.groupId());
        if (command.remoteGroupId() != null) {
            visible(caller, command.remoteGroupId());
        }
        quotas.checkNetwork(group.projectId(), java.util.Map.of(QuotaResource.SECURITY_GROUP_RULE, 1));
        SecurityGroupRule rule = new SecurityGroupRule(world.ids.uuid(), group.id(), group.projectId(),
                command.direction(), command.ethertype(), command.protocol(), command.portRangeMin(),
                command.portRangeMax(), command.remoteIpPrefix(), command.remoteGroupId(), command.description(),
                now);
        for (SecurityGroupRule existing : group.rules()) {
            if (existing.sameAs(rule)) {
                throw Refusal.SECURITY_GROUP_RULE_EXISTS.exception(existing.id());
            }
        }
        List<SecurityGroupRule> rules = new ArrayList<>(group.rules());
        rules.add(rule);
        world.securityGroups.put(group.id(), group.withRules(rules));
        return Receipt.of(requestId, rule);
    }

    Receipt deleteRule(Caller caller, String ruleId, String requestId) {
        for (SecurityGroup group : world.securityGroups.values()) {
            for (SecurityGroupRule rule : group.rules()) {
                if (rule.id().equals(ruleId) && caller.canSee(group.projectId())) {
                    world.securityGroups.put(group.id(), group.withRules(group.rules().stream()
                            .filter(r -> !r.id().equals(ruleId)).toList()));
                    return Receipt.of(requestId, rule);
                }
            }
        }
        throw Refusal.SECURITY_GROUP_RULE_NOT_FOUND.exception(ruleId);
    }

    private SecurityGroup visible(Caller caller, String groupId) {
        SecurityGroup group = world.securityGroups.get(groupId);
        if (group == null || !caller.canSee(group.projectId())) {
            throw Refusal.SECURITY_GROUP_NOT_FOUND.exception(groupId);
        }
        return group;
    }

    /** The groups the caller may see: its project's (every project's for an admin), oldest first. */
    List<SecurityGroup> visible(Caller caller) {
        return world.securityGroups.values().stream().filter(g -> caller.canSee(g.projectId())).toList();
    }

    List<SecurityGroup> all() {
        return List.copyOf(world.securityGroups.values());
    }
}
