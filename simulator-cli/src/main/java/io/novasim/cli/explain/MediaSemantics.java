package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.Check;
import io.novasim.cli.explain.Explanation.LaterFailure;
import io.novasim.cli.explain.Explanation.Refused;
import io.novasim.cli.states.StateDiagram;
import io.novasim.model.error.Refusal;
import io.novasim.model.media.MediaStatus;
import io.novasim.model.server.TaskState;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.time.Timings;

import java.time.Duration;
import java.util.List;

import static io.novasim.cli.explain.Placeholders.*;

/**
 * Bare-metal virtual media (seed 002), as the engine's {@code Media} runs it: accepted only while task_state is None,
 * and holding a task_state of its own until it completes.
 */
final class MediaSemantics {
    private final Timings timings;

    MediaSemantics(Timings timings) {
        this.timings = timings;
    }

    void explain(TransitionRule rule, Draft draft) {
        boolean attach = rule.operation() == Operation.MEDIA_ATTACH;
        draft.checks.add(Gates.serverVisible());
        draft.checks.add(Check.of("the image exists",
                Refused.of(Refusal.IMAGE_NOT_FOUND.exception(IMAGE), "imageRef names no image")));
        draft.checks.addAll(Gates.rule(rule));
        draft.checks.add(attach
                ? Check.of("the image is not attached to the server (nor being attached)",
                        Refused.of(Refusal.MEDIA_ALREADY_ATTACHED.exception(IMAGE, SERVER), "it is"))
                : Check.of("the image is attached to the server, and its attach has completed",
                        Refused.of(Refusal.MEDIA_NOT_ATTACHED.exception(IMAGE, SERVER),
                                "it is not attached, or its attach or a detach is still running")));
        draft.faultRuleCheck();

        TaskState task = rule.phases().get(0);
        MediaStatus during = attach ? MediaStatus.ATTACHING : MediaStatus.DETACHING;
        draft.atOnce.add("task_state becomes " + task + "; vm_state and status do not change");
        draft.atOnce.add("the media is listed as " + during.value() + " (media_attachments of the bare-metal "
                + "server)");
        draft.atOnce.add("instance action " + rule.instanceAction() + " is recorded, its event "
                + rule.computeEvent() + " running");

        Duration total = timings.of(rule.operation());
        draft.later = new Explanation.Later(total, List.of("at " + Draft.time(total) + ": task_state None; "
                + (attach ? "the media is " + MediaStatus.ATTACHED.value() : "the media is gone") + "; event "
                + rule.computeEvent() + " Success"));
        String rolledBack = attach ? "the media is gone" : "the media is " + MediaStatus.ATTACHED.value() + " again";
        draft.failRule(rule, "task_state None; " + rolledBack);
        List<Operation> interrupters = LifecycleSemantics.interrupters(rule.operation(), rule.allowedVmStates(),
                rule.phases());
        if (!interrupters.isEmpty()) {
            draft.laterFailures.add(new LaterFailure(rule.computeEvent(), null, "a later "
                    + Gates.or(interrupters, StateDiagram::name) + " is accepted while the work runs, and stops it",
                    rolledBack));
        }
    }
}
