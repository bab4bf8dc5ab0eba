package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.command.Caller;
import io.novasim.state.command.DeleteServerMetadata;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.SetServerMetadata;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A server's metadata changed through {@code /servers/{id}/metadata}, with the gate of Nova's
 * {@code update_instance_metadata} and {@code delete_instance_metadata} ({@code nova/compute/api.py}): the lock (an
 * admin passes it), then vm_state active, paused, suspended or stopped with no task in flight, launched, then the
 * {@code metadata_items} quota. No instance action is recorded, as in Nova.
 */
final class ServerMetadata {
    private static final Set<VmState> CHANGEABLE_IN = EnumSet.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED,
            VmState.STOPPED);

    private final World world;

    private final Quotas quotas;

    ServerMetadata(World world, Quotas quotas) {
        this.quotas = quotas;
        this.world = world;
    }

    Receipt set(Caller caller, SetServerMetadata command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        checkChangeable(server, caller, "update metadata");
        Map<String, String> metadata = new LinkedHashMap<>(command.replace() ? Map.of() : server.metadata());
        metadata.putAll(command.metadata());
        quotas.checkMetadata(caller.projectId(), metadata.size()); // the caller's project's, as Nova's context
        Server updated = server.withMetadata(metadata, now);
        world.put(updated, now);
        return Receipt.of(requestId, updated);
    }

    Receipt delete(Caller caller, DeleteServerMetadata command, String requestId, Instant now) {
        Server server = world.visibleServer(caller, command.serverId());
        if (!server.metadata().containsKey(command.key())) {
            // the API looks the item up before the compute API checks the lock and the state
            throw Refusal.METADATA_ITEM_NOT_FOUND.exception().explainedAs("delete metadata refused: server "
                    + server.id() + " has no item " + command.key() + " (rule: only an item the server has goes)");
        }
        checkChangeable(server, caller, "delete metadata");
        Map<String, String> metadata = new LinkedHashMap<>(server.metadata());
        metadata.remove(command.key());
        Server updated = server.withMetadata(metadata, now);
        world.put(updated, now);
        return Receipt.of(requestId, updated);
    }

    private static void checkChangeable(Server server, Caller caller, String action) {
        if (server.locked() && !caller.admin()) {
            throw Refusal.INSTANCE_LOCKED.exception(server.id()).explainedAs(refused(action,
                    "the server is locked and the caller is not an admin", "a locked server accepts it only from "
                            + "an admin"));
        }
        if (!CHANGEABLE_IN.contains(server.vmState())) {
            throw invalid(action, server, "vm_state", server.vmState(), "vm_state must be one of " + CHANGEABLE_IN);
        }
        if (server.taskState() != TaskState.NONE) {
            throw invalid(action, server, "task_state", server.taskState(), "task_state must be none");
        }
        if (!server.launched()) {
            throw Refusal.INSTANCE_NOT_LAUNCHED.exception(server.id(), action).explainedAs(refused(action,
                    "the server never became active", "launched_at must be set (must_have_launched)"));
        }
    }

    private static ComputeException invalid(String action, Server server, String attribute, Object state,
                                            String rule) {
        return Refusal.INSTANCE_INVALID_STATE.exception(action, server.id(), attribute, state)
                .explainedAs(refused(action, attribute + " " + state, rule));
    }

    private static String refused(String action, String fact, String rule) {
        return action + " refused: " + fact + " (rule: " + rule + ")";
    }
}
