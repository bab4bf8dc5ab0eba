package io.novasim.state;

import io.novasim.model.error.Refusal;
import io.novasim.model.server.ServerGroup;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateServerGroup;
import io.novasim.state.command.Receipt;

import java.util.ArrayList;
import java.util.List;

/** Server groups ({@code os-server-groups}): a project's, with the servers booted into them. */
final class ServerGroups {
    private final World world;
    private final Quotas quotas;

    ServerGroups(World world, Quotas quotas) {
        this.world = world;
        this.quotas = quotas;
    }

    Receipt create(Caller caller, CreateServerGroup command, String requestId) {
        quotas.checkServerGroup(caller);
        ServerGroup group = new ServerGroup(world.ids.uuid(), command.name(), command.policy(),
                command.maxServerPerHost(), caller.projectId(), caller.userId(), List.of());
        world.serverGroups.put(group.id(), group);
        return Receipt.of(requestId, group);
    }

    Receipt delete(Caller caller, String groupId, String requestId) {
        ServerGroup group = visible(caller, groupId);
        world.serverGroups.remove(groupId);
        return Receipt.of(requestId, group);
    }

    /** The group, when the caller may see it, or Nova's 404 ({@code refusal} names it as the request does). */
    ServerGroup visible(Caller caller, String groupId) {
        ServerGroup group = world.serverGroups.get(groupId);
        if (group == null || !caller.canSee(group.projectId())) {
            throw Refusal.SERVER_GROUP_NOT_FOUND.exception(groupId);
        }
        return group;
    }

    void join(String groupId, String serverId) {
        ServerGroup group = world.serverGroups.get(groupId);
        List<String> members = new ArrayList<>(group.members());
        members.add(serverId);
        world.serverGroups.put(groupId, group.withMembers(members));
    }

    /** A deleted server leaves its group. */
    void leave(String serverId) {
        for (ServerGroup group : new ArrayList<>(world.serverGroups.values())) {
            if (group.members().contains(serverId)) {
                world.serverGroups.put(group.id(), group.withMembers(group.members().stream()
                        .filter(m -> !m.equals(serverId)).toList()));
            }
        }
    }

    List<ServerGroup> visible(Caller caller, boolean allProjects) {
        return world.serverGroups.values().stream()
                .filter(g -> allProjects && caller.admin() || g.projectId().equals(caller.projectId())).toList();
    }

    List<ServerGroup> all() {
        return List.copyOf(world.serverGroups.values());
    }
}
