package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.Check;
import io.novasim.cli.explain.Explanation.Microversion;
import io.novasim.cli.explain.Explanation.Refused;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.VmState;
import io.novasim.model.volume.AttachStatus;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.time.Timings;

import java.time.Duration;
import java.util.List;

import static io.novasim.cli.explain.Placeholders.*;

/**
 * Volume attachments, as the engine's {@code Volumes} runs them (nova-semantics.md §4): Cinder's statuses follow the
 * attachment; attach reserves a device at once, detach and swap are accepted at once, and all three complete later.
 */
final class VolumeSemantics {
    /** The microversions that change the rules (the engine's {@code Volumes}; checked by ExplainEngineTest). */
    static final int SHELVED = 20;
    static final int MULTIATTACH = 60;
    static final int UPDATE_IN_PLACE = 85;

    private final Timings timings;

    VolumeSemantics(Timings timings) {
        this.timings = timings;
    }

    void explain(TransitionRule rule, Draft draft) {
        switch (rule.operation()) {
            case ATTACH_VOLUME -> attach(rule, draft);
            case DETACH_VOLUME -> detach(rule, draft);
            case SWAP_VOLUME -> swap(rule, draft);
            default -> throw new IllegalStateException("not a volume operation: " + rule.operation());
        }
    }

    private static Check shelvedBelow20(TransitionRule rule) {
        return Check.of("below microversion 2." + SHELVED + ", the server is not " + VmState.SHELVED.value() + " or "
                        + VmState.SHELVED_OFFLOADED.value(),
                Refused.of(Refusal.INSTANCE_INVALID_STATE.exception(rule.action(), SERVER, "vm_state", VM_STATE),
                        "the server is " + VmState.SHELVED.value() + " or " + VmState.SHELVED_OFFLOADED.value()
                                + " and the request's microversion is below 2." + SHELVED));
    }

    private static Microversion shelvedMicroversion(String inline) {
        return new Microversion(SHELVED, "a shelved or shelved_offloaded server is accepted; a shelved_offloaded "
                + "one " + inline, "a shelved or shelved_offloaded server is refused (409 vm_state)");
    }

    private static Check volumeFound() {
        return Check.of("the volume exists and is visible to the caller",
                Refused.of(Refusal.VOLUME_NOT_FOUND.exception(VOLUME),
                        "the volume does not exist or belongs to another project"));
    }

    private void attach(TransitionRule rule, Draft draft) {
        draft.checks.add(Gates.serverVisible());
        draft.checks.add(shelvedBelow20(rule));
        draft.checks.addAll(Gates.rule(rule));
        draft.checks.add(volumeFound());
        draft.checks.add(new Check("the volume is attached nowhere; a multiattach volume is not attached to this "
                + "server already",
                List.of(Refused.of(Refusal.VOLUME_ATTACHED_ELSEWHERE.exception(VOLUME, SERVERS),
                                "the volume is attached (or being attached) to a server"),
                        Refused.of(Refusal.VOLUME_ALREADY_ATTACHED_HERE.exception(VOLUME),
                                "a multiattach volume is attached to this server already"))));
        draft.checks.add(new Check("to a shelved_offloaded server: no tag, and not a multiattach volume",
                List.of(Refused.of(Refusal.TAGGED_ATTACH_TO_SHELVED_OFFLOADED.exception(), "the body has a tag"),
                        Refused.of(Refusal.MULTIATTACH_TO_SHELVED_OFFLOADED.exception(),
                                "the volume is multiattach"))));
        draft.checks.add(Check.of("a multiattach volume is attached at microversion 2." + MULTIATTACH + " or later",
                Refused.of(Refusal.MULTIATTACH_NEEDS_NEWER_MICROVERSION.exception(),
                        "the volume is multiattach and the microversion is below 2." + MULTIATTACH)));
        draft.checks.add(new Check("Cinder can reserve the volume: it is available (a multiattach volume may be "
                + "in-use)",
                List.of(Refused.of(Refusal.VOLUME_NOT_AVAILABLE.exception(VOLUME, STATUS), "the volume is not "
                                + "available, e.g. still creating, or being swapped in"),
                        Refused.of(Refusal.MULTIATTACH_VOLUME_NOT_AVAILABLE.exception(VOLUME, STATUS),
                                "the same, for a multiattach volume"))));
        draft.faultRuleCheck();
        draft.checks.add(Check.of("a device name is free (/dev/vdb to /dev/vdzz)",
                Refused.of(Refusal.TOO_MANY_DISK_DEVICES.exception(MAXIMUM), "every device name is taken")));
        draft.microversions.add(shelvedMicroversion("is attached inline, without a device"));
        draft.microversions.add(new Microversion(MULTIATTACH, "a multiattach volume may be attached",
                "a multiattach volume is refused (400)"));

        draft.atOnce.add("an attachment is listed at once with the next free device name (a device asked for is "
                + "ignored, as libvirt does), attach_status " + AttachStatus.RESERVED.value() + "; the volume is "
                + VolumeStatus.RESERVED.value());
        draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event "
                + rule.computeEvent() + " running");
        draft.atOnce.add("to a shelved_offloaded server the attach is done at once instead: listed without a device, "
                + "the volume " + VolumeStatus.IN_USE.value() + ", event api_" + rule.instanceAction()
                + " already Success");
        draft.atOnce.add("vm_state, task_state and status do not change");

        Duration total = timings.of(rule.operation());
        draft.later = new Explanation.Later(total, List.of(
                "at " + Draft.time(total.dividedBy(2)) + ": the attachment and the volume are "
                        + VolumeStatus.ATTACHING.value(),
                "at " + Draft.time(total) + ": attach_status " + AttachStatus.ATTACHED.value() + ", the volume "
                        + VolumeStatus.IN_USE.value() + "; event " + rule.computeEvent() + " Success"));
        draft.failRule(rule, "the attachment vanishes from the list (Nova destroys it) and the volume is "
                + VolumeStatus.AVAILABLE.value() + " again");
    }

    private void detach(TransitionRule rule, Draft draft) {
        draft.checks.add(Gates.serverVisible());
        draft.checks.add(shelvedBelow20(rule));
        draft.checks.add(volumeFound());
        draft.checks.add(Check.of("the volume is attached to this server",
                Refused.of(Refusal.VOLUME_NOT_ATTACHED.exception(SERVER, VOLUME), "the server has no attachment of the "
                        + "volume")));
        draft.checks.add(Check.of("it is not the server's root volume",
                Refused.of(Refusal.CANNOT_DETACH_ROOT_VOLUME.exception(), "the server boots from the volume")));
        draft.checks.addAll(Gates.rule(rule));
        draft.checks.add(Check.of("Cinder can begin detaching: the attachment is complete and the volume "
                        + VolumeStatus.IN_USE.value(),
                Refused.of(Refusal.VOLUME_NOT_IN_USE.exception(), "the volume's attach has not completed yet, or it is "
                        + "being detached already")));
        draft.faultRuleCheck();
        draft.microversions.add(shelvedMicroversion("has the volume detached inline"));

        draft.atOnce.add("the attachment is " + AttachStatus.DETACHING.value() + " and the volume "
                + VolumeStatus.DETACHING.value() + "; it stays listed by GET os-volume_attachments until the "
                + "detach completes");
        draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event "
                + rule.computeEvent() + " running");
        draft.atOnce.add("from a shelved_offloaded server the detach is done at once instead: the attachment is "
                + "gone, the volume " + VolumeStatus.AVAILABLE.value() + " (deleted when delete_on_termination is "
                + "set), event api_" + rule.instanceAction() + " already Success");
        draft.atOnce.add("vm_state, task_state and status do not change: nothing on the server shows the detach");

        Duration total = timings.of(rule.operation());
        draft.later = new Explanation.Later(total, List.of("at " + Draft.time(total) + ": the attachment is gone "
                + "and the volume " + VolumeStatus.AVAILABLE.value() + " (" + VolumeStatus.IN_USE.value()
                + " while other servers still have it attached); event " + rule.computeEvent() + " Success"));
        draft.failRule(rule, "rolled back: the attachment is " + AttachStatus.ATTACHED.value() + " again and "
                + "listed, the volume " + VolumeStatus.IN_USE.value());
    }

    private void swap(TransitionRule rule, Draft draft) {
        draft.checks.add(Gates.serverVisible());
        draft.checks.add(Gates.adminPolicy(rule.adminPolicy()));
        draft.checks.add(new Check("from microversion 2." + UPDATE_IN_PLACE + ": the server has an attachment of the "
                + "volume, and the body changes nothing but volumeId and delete_on_termination",
                List.of(Refused.of(Refusal.NO_VOLUME_BDM.exception(VOLUME),
                                "the server has no attachment of the volume"),
                        Refused.of(Refusal.NOT_MUTABLE.exception(PROPERTY), "the body changes id, serverId, device or "
                                + "tag"))));
        draft.checks.add(volumeFound());
        draft.checks.add(Check.of("the new volume exists and is visible to the caller",
                Refused.of(Refusal.VOLUME_IN_BODY_NOT_FOUND.exception(NEW_VOLUME),
                        "the new volume does not exist or belongs to another project")));
        draft.checks.addAll(Gates.rule(rule));
        draft.checks.add(Check.of("the old volume is attached to this server",
                Refused.of(Refusal.SWAP_SOURCE_ELSEWHERE.exception(), "it is not")));
        draft.checks.add(Check.of("the new volume is attached nowhere",
                Refused.of(Refusal.SWAP_TARGET_ATTACHED.exception(), "it is attached or in-use")));
        draft.checks.add(Check.of("the new volume is at least as large as the old one",
                Refused.of(Refusal.SWAP_TARGET_TOO_SMALL.exception(), "it is smaller")));
        draft.checks.add(Check.of("the old attachment is complete and its volume " + VolumeStatus.IN_USE.value(),
                Refused.of(Refusal.VOLUME_NOT_IN_USE.exception(),
                        "its attach has not completed, or it is being detached")));
        draft.checks.add(Check.of("Cinder can reserve the new volume: it is available",
                Refused.of(Refusal.VOLUME_NOT_AVAILABLE.exception(NEW_VOLUME, STATUS), "it is not, e.g. still "
                        + "creating")));
        draft.faultRuleCheck();
        draft.microversions.add(new Microversion(UPDATE_IN_PLACE, "a PUT naming the same volume only updates "
                + "delete_on_termination (no swap, no admin needed); another volume is a swap",
                "every PUT is a swap"));

        draft.atOnce.add("the old attachment is " + AttachStatus.DETACHING.value() + " and the new volume "
                + VolumeStatus.RESERVED.value());
        draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event "
                + rule.computeEvent() + " running");
        draft.atOnce.add("vm_state, task_state and status do not change");

        Duration total = timings.of(rule.operation());
        draft.later = new Explanation.Later(total, List.of(
                "at " + Draft.time(total.dividedBy(2)) + ": the new volume is " + VolumeStatus.ATTACHING.value(),
                "at " + Draft.time(total) + ": the attachment (same device) holds the new volume, "
                        + VolumeStatus.IN_USE.value() + "; the old volume is " + VolumeStatus.AVAILABLE.value()
                        + "; event " + rule.computeEvent() + " Success"));
        draft.failRule(rule, "the attachment keeps the old volume, " + AttachStatus.ATTACHED.value() + "; the new "
                + "volume is " + VolumeStatus.AVAILABLE.value() + " again");
    }
}
