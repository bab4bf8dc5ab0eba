package io.novasim.state;

import io.novasim.model.error.Refusal;
import io.novasim.model.server.Server;
import io.novasim.model.server.VmState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.UpdateServerTags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A server's tags changed through {@code /servers/{id}/tags}, as Nova's server_tags controller changes them
 * ({@code nova/api/openstack/compute/server_tags.py}): the vm_state first (no lock, no task state), then for one tag
 * added its validity and the limit of 50; adding one it has changes nothing. No instance action is recorded.
 */
final class ServerTags {
    /** {@code nova.objects.instance.MAX_TAG_COUNT}. */
    static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 60;
    private static final String TAG_PATTERN = "^[^,/]*$";
    private static final Pattern FORBIDDEN = Pattern.compile("[,/]");
    private static final Set<VmState> CHANGEABLE_IN = EnumSet.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED,
            VmState.STOPPED);

    private final World world;

    ServerTags(World world) {
        this.world = world;
    }

    Receipt update(Caller caller, UpdateServerTags command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        String action = command.change().action();
        if (!CHANGEABLE_IN.contains(server.vmState())) {
            throw Refusal.INSTANCE_INVALID_STATE.exception(action, server.id(), "vm_state", server.vmState())
                    .explainedAs(action + " refused: vm_state " + server.vmState() + " (rule: vm_state must be one of "
                            + CHANGEABLE_IN + ")");
        }
        List<String> tags = new ArrayList<>(server.details().tags());
        switch (command.change()) {
            case ADD -> {
                String tag = command.tags().get(0);
                checkValid(tag);
                if (tags.size() >= MAX_TAGS) {
                    throw Refusal.TAG_LIMIT_EXCEEDED.exception(MAX_TAGS);
                }
                if (tags.contains(tag)) {
                    return Receipt.unchanged(requestId, server); // Nova answers 204 and saves nothing
                }
                tags.add(tag);
            }
            case REMOVE -> {
                String tag = command.tags().get(0);
                if (!tags.remove(tag)) {
                    throw Refusal.INSTANCE_TAG_NOT_FOUND.exception(server.id(), tag);
                }
            }
            case REPLACE -> {
                tags.clear();
                command.tags().stream().distinct().forEach(tags::add);
            }
            case CLEAR -> tags.clear();
        }
        Server updated = server.withDetails(server.details().withTags(tags), now);
        world.put(updated, now);
        return Receipt.of(requestId, updated);
    }

    /** {@code parameter_types.tag}, checked as jsonschema checks it, in its keywords' order. */
    private static void checkValid(String tag) {
        String quoted = "'" + tag + "'";
        String reason = tag.isEmpty() ? quoted + " is too short"
                : tag.codePointCount(0, tag.length()) > MAX_TAG_LENGTH ? quoted + " is too long"
                : FORBIDDEN.matcher(tag).find() ? quoted + " does not match '" + TAG_PATTERN + "'" : null;
        if (reason != null) {
            throw Refusal.TAG_INVALID.exception(tag, reason);
        }
    }
}
