package io.novasim.state.rules;

import io.novasim.model.error.ComputeException;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;

import java.util.List;
import java.util.Set;

/**
 * One row of Nova's action table (nova-semantics.md §2.4), as data: who may ask, from which states, what task_states
 * the server passes through while the work runs, and where it ends.
 *
 * @param action           the name Nova prints in its 409 texts ({@code Cannot 'stop' instance ...})
 * @param instanceAction   the name recorded in {@code os-instance-actions}
 * @param computeEvent     the instance action event of the asynchronous work, or {@code null} for synchronous operations
 * @param checksLock       whether a lock held against a non-admin caller refuses it
 * @param checksHost       whether a server on no compute host refuses it ({@code check_instance_host}: still
 *                         scheduling, or offloaded), before its states are looked at
 * @param stateRefusalUnexpected whether Nova's API method does not expect the state refusal, and so answers it as an
 *                         unexpected error (500) instead of a 409
 * @param adminPolicy      the policy that only an admin passes, or {@code null} when any caller may ask
 * @param allowedVmStates  the vm_states it is accepted in, or {@code null} for any
 * @param allowedTaskStates the task_states it is accepted in ({@link TaskState#NONE} for idle), or {@code null} for any
 * @param mustHaveLaunched whether a server that never became active refuses it ({@code launched_at} check)
 * @param phases           the task_states it passes through, the first set synchronously by the API; empty when the
 *                         operation completes inline
 * @param endVmState       the vm_state on success, or {@code null} when unchanged
 * @param endPowerState    the power_state on success, or {@code null} when unchanged
 * @param failedVmState    the vm_state when the asynchronous work fails, or {@code null} when unchanged
 */
public record TransitionRule(
        Operation operation,
        String action,
        String instanceAction,
        String computeEvent,
        boolean checksLock,
        boolean checksHost,
        boolean stateRefusalUnexpected,
        AdminPolicy adminPolicy,
        Set<VmState> allowedVmStates,
        Set<TaskState> allowedTaskStates,
        boolean mustHaveLaunched,
        List<TaskState> phases,
        VmState endVmState,
        PowerState endPowerState,
        VmState failedVmState) {

    public TransitionRule {
        // EnumSet copies keep enum order, so enumerations (diagrams, teaching pages) are stable from run to run.
        allowedVmStates = allowedVmStates == null ? null
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(allowedVmStates));
        allowedTaskStates = allowedTaskStates == null ? null
                : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(allowedTaskStates));
        phases = List.copyOf(phases);
    }

    public boolean asynchronous() {
        return !phases.isEmpty();
    }

    public boolean removesServer() {
        return endVmState == VmState.DELETED;
    }

    public boolean acceptsVmState(VmState state) {
        return allowedVmStates == null || allowedVmStates.contains(state);
    }

    public boolean acceptsTaskState(TaskState state) {
        return allowedTaskStates == null || allowedTaskStates.contains(state);
    }

    /**
     * Nova's gate, in Nova's order: lock, then host, then vm_state, then task_state, then launched_at
     * ({@code check_instance_lock} wraps {@code check_instance_host}, which wraps {@code check_instance_state}, in
     * {@code nova/compute/api.py}).
     *
     * @throws ComputeException the 409 Nova answers
     */
    public void check(Server server, boolean callerIsAdmin) {
        if (checksLock && server.locked() && !callerIsAdmin) {
            throw Refusal.INSTANCE_LOCKED.exception(server.id()).explainedAs(refused("the server is locked and the "
                    + "caller is not an admin", "a locked server accepts it only from an admin"));
        }
        if (checksHost && !server.onHost()) {
            throw Refusal.INSTANCE_NOT_READY.exception(server.id()).explainedAs(refused("the server is on no compute "
                    + "host (scheduling, or offloaded)", "the server must be on a host"));
        }
        if (!acceptsVmState(server.vmState())) {
            throw stateRefusal(server.id(), "vm_state", server.vmState()).explainedAs(refused("vm_state " + server.vmState() + notAmong(allowedVmStates),
                            "vm_state must be " + among(allowedVmStates)));
        }
        if (!acceptsTaskState(server.taskState())) {
            throw stateRefusal(server.id(), "task_state", server.taskState()).explainedAs(refused("task_state " + server.taskState() + notAmong(allowedTaskStates),
                            "task_state must be " + among(allowedTaskStates)));
        }
        if (mustHaveLaunched && !server.launched()) {
            throw Refusal.INSTANCE_NOT_LAUNCHED.exception(server.id(), action)
                    .explainedAs(refused("the server never became active", "launched_at must be set"));
        }
    }

    /** What a server in a state this rule refuses is answered: Nova's 409, or its 500 where the API expects none. */
    public ComputeException stateRefusal(String serverId, String attribute, Object state) {
        return stateRefusalUnexpected
                ? Refusal.UNEXPECTED_API_ERROR.exception("nova.exception.InstanceInvalidState")
                : Refusal.INSTANCE_INVALID_STATE.exception(action, serverId, attribute, state);
    }

    /** {@code <operation> refused: <what is> (rule: <what must be>)}, as transcripts and logs print a refusal. */
    public String refused(String fact, String rule) {
        return operation.name().toLowerCase(java.util.Locale.ROOT) + " refused: " + fact + " (rule: " + rule + ")";
    }

    private static String notAmong(Set<?> allowed) {
        return allowed.size() == 1 ? " is not " + allowed.iterator().next() : " is not one of " + list(allowed);
    }

    private static String among(Set<?> allowed) {
        return allowed.size() == 1 ? allowed.iterator().next().toString() : "one of " + list(allowed);
    }

    private static String list(Set<?> values) {
        return values.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", "));
    }
}
