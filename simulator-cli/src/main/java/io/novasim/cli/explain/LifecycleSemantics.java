package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.Check;
import io.novasim.cli.explain.Explanation.LaterFailure;
import io.novasim.cli.explain.Explanation.Microversion;
import io.novasim.cli.explain.Explanation.Refused;
import io.novasim.cli.states.StateDiagram;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.ServerStatus;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.rules.AdminPolicy;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;
import io.novasim.state.time.Timings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.novasim.cli.explain.Placeholders.*;

/**
 * Create, delete and the server actions, as the engine's {@code Lifecycle} runs them: its checks in its order, the
 * task_states of the rule with the default timings, and the work each one interrupts.
 */
final class LifecycleSemantics {
    /** The synchronous operations that stop the work in flight, as an asynchronous one does when it starts. */
    private static final Set<Operation> STOP_WORK = EnumSet.of(Operation.RESET_STATE_ACTIVE,
            Operation.RESET_STATE_ERROR);

    private final Timings timings;

    LifecycleSemantics(Timings timings) {
        this.timings = timings;
    }

    void explain(TransitionRule rule, Draft draft) {
        Operation operation = rule.operation();
        if (operation == Operation.CREATE) {
            createChecks(draft);
        } else {
            draft.checks.add(Gates.serverVisible());
            if (rule.adminPolicy() != null) {
                draft.checks.add(Gates.adminPolicy(rule.adminPolicy()));
            }
            if (operation == Operation.UNLOCK) {
                draft.checks.add(Check.of("the lock was set from the server's own project, or the caller is an admin",
                        Refused.of(AdminPolicy.UNLOCK_OVERRIDE.refusal(),
                                "an admin of another project locked the server and the caller is not an admin")));
            }
            draft.checks.addAll(Gates.rule(rule));
            if (operation == Operation.REBUILD) {
                rebuildChecks(draft);
            }
            if (operation == Operation.RESIZE) {
                draft.checks.add(new Check("the flavor exists, differs from the server's and has a root disk when "
                        + "the server's has", List.of(
                        Refused.of(Refusal.FLAVOR_IN_BODY_NOT_FOUND.exception(NEW_FLAVOR), "there is no such flavor"),
                        Refused.of(Refusal.RESIZE_ZERO_DISK.exception(), "an image-backed server to a flavor without "
                                + "a root disk"),
                        Refused.of(Refusal.RESIZE_SAME_FLAVOR.exception(), "the flavor is the server's"))));
                draft.notes.add("a migration is recorded (os-migrations): pre-migrating, migrating, post-migrating, "
                        + "finished; the flavor changes when the work ends, and the server waits in VERIFY_RESIZE");
                draft.notes.add("events follow the host's steps: compute_prep_resize, compute_resize_instance, "
                        + "compute_finish_resize");
                draft.notes.add("a smaller root disk is accepted and fails on the host (Resize error: Unable to "
                        + "resize disk down.): the server goes back to its vm_state, the migration to error");
                draft.notes.add(timings.resizeConfirmWindow().map(w -> "resize_confirm_window: after "
                        + Draft.time(w) + " an unconfirmed resize is confirmed on its own")
                        .orElse("without resize_confirm_window the resize waits for confirmResize or revertResize"));
            }
            if (operation == Operation.CONFIRM_RESIZE || operation == Operation.REVERT_RESIZE) {
                draft.checks.add(Check.of("the server's resize has finished and is not being confirmed or reverted",
                        Refused.of(Refusal.NOT_RESIZED.exception(), "there is no finished resize")));
                draft.notes.add(operation == Operation.CONFIRM_RESIZE
                        ? "Nova sets no task_state: the server shows VERIFY_RESIZE until the host is done, then "
                        + "active (stopped when it was resized while off); the migration becomes confirmed"
                        : "the server goes back to its old flavor and to the vm_state it had before the resize; "
                        + "the migration becomes reverted");
            }
            if (operation == Operation.CREATE_IMAGE) {
                draft.notes.add("a new private image of the caller's project is queued at once (image_type "
                        + "snapshot, instance_uuid, base_image_ref and the request's metadata as its properties); it "
                        + "is saving while task_state is image_uploading and active when the work ends; a failed or "
                        + "cut-short snapshot deletes it");
                draft.notes.add("below 2.39 more than 128 metadata items answer 403 Image metadata limit exceeded");
            }
        }
        draft.faultRuleCheck();
        if (operation == Operation.REBOOT_SOFT) {
            draft.notes.add("with {\"type\": \"HARD\"} the request is " + StateDiagram.name(Operation.REBOOT_HARD)
                    + ", which is accepted in more states and may interrupt this one (novasim explain "
                    + StateDiagram.name(Operation.REBOOT_HARD) + ")");
        }
        if (rule.asynchronous()) {
            asynchronous(rule, draft);
        } else {
            synchronous(rule, draft);
        }
    }

    // ---------------------------------------------------------------- rebuild

    /** What the engine's rebuild checks after the gate, in Nova's order (compute/api.py rebuild). */
    private static void rebuildChecks(Draft draft) {
        draft.checks.add(Check.of("a key_name sent (2.54) names one of the caller's key pairs",
                Refused.of(Refusal.INVALID_KEY_NAME.exception(), "there is no such key pair")));
        draft.checks.add(new Check("imageRef names an active image",
                List.of(Refused.of(Refusal.REBUILD_IMAGE_NOT_FOUND.exception(), "imageRef names no image"),
                        Refused.of(Refusal.IMAGE_NOT_ACTIVE.exception(IMAGE), "the image is not active"))));
        draft.checks.add(Check.of("the server boots from an image, or the request is 2.93 or later",
                Refused.of(Refusal.REBUILD_VOLUME_BACKED.exception(IMAGE), "the server boots from a volume")));
        draft.checks.add(Check.of("metadata sent has at most 128 items",
                Refused.of(Refusal.METADATA_LIMIT_EXCEEDED.exception(128), "it has more")));
        draft.notes.add("what the body sends is applied at once: the image, the name, the metadata (replacing all "
                + "of it), description (2.19), key_name (2.54), user_data (2.57), hostname (2.90); its ports and "
                + "volumes are kept");
        draft.notes.add("a stopped server ends stopped (vm_state stopped, power_state SHUTDOWN), one in error "
                + "active; launched_at becomes the time of the new spawn");
    }

    // ---------------------------------------------------------------- create

    private static void createChecks(Draft draft) {
        draft.checks.add(Check.of("the name is not blank",
                Refused.of(Refusal.INVALID_INPUT.exception("name", "", Refusal.Reason.TOO_SHORT.text("''")),
                        "the name is empty")));
        draft.checks.add(Check.of("the flavor exists",
                Refused.of(Refusal.FLAVOR_IN_BODY_NOT_FOUND.exception(FLAVOR), "flavorRef names no flavor")));
        draft.checks.add(new Check("imageRef names an image, or the server boots from a volume",
                List.of(Refused.of(Refusal.IMAGE_IN_BODY_NOT_FOUND.exception(), "imageRef names no image"),
                        Refused.of(Refusal.MISSING_IMAGE_REF.exception(),
                                "there is neither an image nor a boot volume"))));
        draft.checks.add(new Check("a boot volume exists, is visible to the caller and is available",
                List.of(Refused.of(Refusal.BOOT_VOLUME_NOT_FOUND.exception(VOLUME), "the boot volume does not exist"),
                        Refused.of(Refusal.BOOT_VOLUME_NOT_AVAILABLE.exception(VOLUME, STATUS),
                                "the boot volume is not available"))));
        draft.checks.add(new Check("the networks can be joined: without networks named, the project can use at most "
                + "one network; ports named exist and are free; networks named exist and may be used",
                List.of(Refused.of(Refusal.NETWORK_AMBIGUOUS_AT_CREATE.exception(),
                                "no network is named and the project can use several"),
                        Refused.of(Refusal.PORT_IN_BODY_NOT_FOUND.exception(PORT), "a port named does not exist"),
                        Refused.of(Refusal.PORT_IN_USE.exception(PORT), "a port named is bound, or named twice"),
                        Refused.of(Refusal.NETWORK_IN_BODY_NOT_FOUND.exception(NETWORK),
                                "a network named does not exist or may not be used by the project"))));
        draft.checks.add(new Check("each new port gets an address: the fixed IP asked for when it is free and on the "
                + "network, else the lowest free one",
                List.of(Refused.of(Refusal.FIXED_IP_IN_USE_AT_CREATE.exception(IP, SERVER),
                                "the fixed IP asked for is taken"),
                        Refused.of(Refusal.FIXED_IP_NOT_ON_NETWORK.exception(IP, NETWORK),
                                "the fixed IP asked for is not in the network's subnets"),
                        Refused.of(Refusal.NO_MORE_FIXED_IPS.exception(NETWORK), "the network has no free address"))));
    }

    // ---------------------------------------------------------------- asynchronous operations

    private void asynchronous(TransitionRule rule, Draft draft) {
        Operation operation = rule.operation();
        TaskState first = rule.phases().get(0);
        if (operation == Operation.CREATE) {
            draft.atOnce.add("a server is created in vm_state " + VmState.BUILDING.value() + ", task_state " + first
                    + " (status " + ServerStatus.of(VmState.BUILDING, first) + "), power_state "
                    + PowerState.NOSTATE.name());
            draft.atOnce.add("its ports are bound: the ports named, new ports on the networks named, or a new port on "
                    + "the project's only network");
            draft.atOnce.add("a boot volume is reserved as its root device");
        } else {
            if (rule.allowedTaskStates() == null || !rule.allowedTaskStates().equals(EnumSet.of(TaskState.NONE))) {
                draft.atOnce.add("work still running on the server is stopped first: its event ends in Error, and "
                        + "media being attached or detached goes back to how it was");
            }
            draft.atOnce.add("task_state becomes " + first + status(rule.allowedVmStates(), first));
        }
        draft.atOnce.add(recorded(rule));

        Duration total = timings.of(operation);
        List<String> steps = new ArrayList<>();
        int phases = rule.phases().size();
        for (int i = 1; i < phases; i++) {
            TaskState phase = rule.phases().get(i);
            steps.add("at " + Draft.time(total.multipliedBy(i).dividedBy(phases)) + ": task_state " + phase
                    + (operation == Operation.CREATE ? "" : status(rule.allowedVmStates(), phase)));
        }
        steps.add("at " + Draft.time(total) + ": " + end(rule));
        if (operation == Operation.SHELVE) {
            steps.add(offload());
        }
        if (operation == Operation.SOFT_DELETE) {
            steps.add(reclaim());
        }
        draft.later = new Explanation.Later(total, steps);
        deleteNotes(operation, draft);

        VmState failed = rule.failedVmState();
        draft.failRule(rule, "task_state None, vm_state " + (failed == null ? "unchanged"
                : failed.value() + " with a fault carrying the rule's code and message")
                + (operation == Operation.CREATE ? "; its ports and boot volume are released" : ""));
        List<Operation> interrupters = interrupters(operation, operation == Operation.CREATE
                ? EnumSet.of(VmState.BUILDING) : rule.allowedVmStates(), rule.phases());
        if (!interrupters.isEmpty()) {
            draft.laterFailures.add(new LaterFailure(rule.computeEvent(), null, "a later " + Gates.or(interrupters,
                    StateDiagram::name) + " is accepted while the work runs, and stops it",
                    "the server goes on with the newer operation" + (operation == Operation.CREATE
                            ? "; a boot volume stays attached" : "")));
        }
    }

    /** What the server is like when the work completes. */
    private static String end(TransitionRule rule) {
        String event = "event " + rule.computeEvent() + " Success";
        if (rule.removesServer()) {
            return "the server is gone (GET answers 404); its ports are released (ports Nova made are deleted, a "
                    + "user's ports are kept and unbound), its volumes detached (and deleted where "
                    + "delete_on_termination is set) and its media let go; " + event;
        }
        String vm = rule.endVmState() == null ? "unchanged" : rule.endVmState().value();
        String power = rule.endPowerState() == null ? "unchanged" : rule.endPowerState().name();
        String status = rule.endVmState() == null ? "" : " (status " + ServerStatus.of(rule.endVmState(),
                TaskState.NONE) + ")";
        String created = rule.operation() == Operation.CREATE
                ? "; launched_at is set and a boot volume becomes in-use" : "";
        return "task_state None, vm_state " + vm + ", power_state " + power + status + created + "; " + event;
    }

    /** Nova's {@code shelved_offload_time}, as the default timings set it. */
    private String offload() {
        TransitionRule offload = TransitionTable.rule(Operation.SHELVE_OFFLOAD);
        Optional<Duration> after = timings.shelvedOffloadAfter();
        String offloading = StateDiagram.name(Operation.SHELVE_OFFLOAD) + " starts on its own: task_state "
                + offload.phases().get(0) + ", and " + Draft.time(timings.of(Operation.SHELVE_OFFLOAD))
                + " later vm_state " + offload.endVmState().value() + " (event " + offload.computeEvent()
                + " on the same instance action)";
        if (after.isEmpty()) {
            return "then it stays shelved until " + StateDiagram.name(Operation.SHELVE_OFFLOAD) + " is asked for";
        }
        return after.get().isZero() ? "then at once (Nova's shelved_offload_time 0) " + offloading
                : "then " + Draft.time(after.get()) + " later " + offloading;
    }

    /** Nova's {@code reclaim_instance_interval}, as the timings set it. */
    private String reclaim() {
        Optional<Duration> after = timings.reclaimInstanceInterval();
        return after.map(a -> "then " + Draft.time(a) + " later (reclaim_instance_interval) the server is reclaimed: "
                        + "gone as after a delete, with no instance action of its own")
                .orElse("then it stays soft-deleted: without reclaim_instance_interval nothing reclaims it");
    }

    /** What every kind of delete shares (nova/compute/api.py {@code _delete}), and what only one of them does. */
    private void deleteNotes(Operation operation, Draft draft) {
        if (operation != Operation.DELETE && operation != Operation.SOFT_DELETE
                && operation != Operation.FORCE_DELETE) {
            return;
        }
        draft.notes.add("a shelved_offloaded server is on no host: it is deleted at once (no instance action), its "
                + "ports released and its volumes detached, even by a soft delete");
        if (operation != Operation.FORCE_DELETE) {
            draft.notes.add("a server already in task_state " + TaskState.DELETING + " or " + TaskState.SOFT_DELETING
                    + " is left as it is: the request is accepted and ignored");
        }
        switch (operation) {
            case DELETE -> draft.notes.add(timings.reclaimInstanceInterval().isPresent()
                    ? "reclaim_instance_interval is set: a server that has been active is soft-deleted instead "
                    + "(novasim explain soft-delete); one that never was is deleted"
                    : "with reclaim_instance_interval set (serve --reclaim-instance-interval), a server that has "
                    + "been active is soft-deleted instead (novasim explain soft-delete)");
            case SOFT_DELETE -> draft.notes.add("sent as DELETE /servers/<server> when reclaim_instance_interval "
                    + "is set; restore brings the server back, forceDelete deletes it now");
            default -> draft.notes.add("a task_state other than None is answered 500 (Unexpected API Error ... "
                    + "InstanceInvalidState), not 409: Nova's forceDelete does not expect that refusal");
        }
    }

    /**
     * The operations that stop this work when accepted while it runs: asynchronous ones (and os-resetState) whose
     * gate lets them through one of its task_states.
     */
    static List<Operation> interrupters(Operation running, Set<VmState> runningFrom, List<TaskState> phases) {
        List<Operation> interrupters = new ArrayList<>();
        for (TransitionRule other : TransitionTable.rules()) {
            Operation candidate = other.operation();
            boolean stopsWork = candidate.kind() == Operation.Kind.LIFECYCLE && candidate != Operation.CREATE
                    && (other.asynchronous() || STOP_WORK.contains(candidate));
            boolean vmAllowed = runningFrom == null || other.allowedVmStates() == null
                    || runningFrom.stream().anyMatch(other::acceptsVmState);
            if (stopsWork && vmAllowed && phases.stream().anyMatch(other::acceptsTaskState)) {
                interrupters.add(candidate);
            }
        }
        return interrupters;
    }

    /** The status a server shows in that task_state, for each vm_state the work may start from. */
    private static String status(Set<VmState> from, TaskState task) {
        Set<VmState> states = from != null ? from : EnumSet.complementOf(EnumSet.of(VmState.DELETED));
        Map<ServerStatus, List<String>> changed = new LinkedHashMap<>();
        boolean someUnchanged = false;
        for (VmState vm : states) {
            ServerStatus status = ServerStatus.of(vm, task);
            if (status == ServerStatus.of(vm, TaskState.NONE)) {
                someUnchanged = true;
            } else {
                changed.computeIfAbsent(status, k -> new ArrayList<>()).add(vm.value());
            }
        }
        if (changed.isEmpty()) {
            return " (status does not change)";
        }
        List<String> parts = new ArrayList<>();
        boolean all = !someUnchanged;
        changed.forEach((status, vms) -> parts.add("status " + status + (all && changed.size() == 1 ? ""
                : " when vm_state is " + Gates.or(vms, vm -> vm))));
        return " (" + String.join(", ", parts) + (someUnchanged ? "; otherwise status does not change" : "") + ")";
    }

    private static String recorded(TransitionRule rule) {
        return "instance action " + rule.instanceAction() + " is recorded, its event " + rule.computeEvent()
                + " running";
    }

    // ---------------------------------------------------------------- synchronous operations

    private static void synchronous(TransitionRule rule, Draft draft) {
        String event = "api_" + rule.instanceAction();
        switch (rule.operation()) {
            case LOCK -> {
                draft.atOnce.add("the server is locked: by its owner when the caller's project owns it, else an "
                        + "admin's lock that only an admin can lift");
                draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event " + event
                        + " already Success");
                draft.notes.add("the owner locking a server it has locked already changes nothing and records "
                        + "nothing");
                draft.microversions.add(new Microversion(73, "the body may give a locked_reason",
                        "the body is ignored"));
            }
            case UNLOCK -> {
                draft.atOnce.add("the lock is lifted");
                draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event " + event
                        + " already Success");
            }
            case RESET_STATE_ACTIVE, RESET_STATE_ERROR -> {
                draft.atOnce.add("work still running on the server is stopped: its event ends in Error, and media "
                        + "being attached or detached goes back to how it was");
                draft.atOnce.add("vm_state becomes " + rule.endVmState().value() + " and task_state None (status "
                        + ServerStatus.of(rule.endVmState(), TaskState.NONE) + "); power_state does not change");
                draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, without events");
            }
            case TRIGGER_CRASH_DUMP -> {
                draft.atOnce.add("nothing about the server changes: the guest is sent a non-maskable interrupt");
                draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event "
                        + rule.computeEvent() + " already Success");
                draft.microversions.add(new Microversion(17, "the action exists",
                        "404 itemNotFound: The resource could not be found."));
            }
            default -> throw new IllegalStateException("no synchronous handling for " + rule.operation());
        }
    }
}
