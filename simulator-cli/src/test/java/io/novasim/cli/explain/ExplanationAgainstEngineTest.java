package io.novasim.cli.explain;

import io.novasim.CloudSetup;
import io.novasim.cli.explain.Explanation.LaterFailure;
import io.novasim.cli.explain.Explanation.Refused;
import io.novasim.model.action.InstanceActionEvent;
import io.novasim.model.error.ComputeException;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.Cloud;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Caller;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventListener;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionTable;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explanations hold against the engine: each refusal the real {@link Cloud} answers is listed (with its status,
 * fault name and message, ids put back as placeholders) in the order the engine checks, and the asynchronous work
 * ends when and how the explanation says.
 */
class ExplanationAgainstEngineTest {
    private static final Caller DEMO = new Caller("d3b07384d113edec49eaa6238ad5ff00", CloudSetup.DEMO_PROJECT, false);
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";
    private static final Duration JUST_BEFORE = Duration.ofMillis(1);

    private final Explainer explainer = Explainer.withDefaultTimings();
    private final Cloud cloud = new Cloud(CloudSetup.demo().catalog(), new VirtualClock(), new SeededIdSource(7),
            Timings.defaults(), EventListener.NONE);

    // ---------------------------------------------------------------- a server with one of everything

    private Server activeServer() {
        String id = cloud.execute(DEMO, new CreateServer("web", "1", IMAGE)).server().id();
        cloud.runUntilIdle();
        return cloud.server(DEMO, id);
    }

    private String newVolume() {
        String id = cloud.execute(DEMO, new CreateVolume("data", 1, false, false)).volume().id();
        cloud.runUntilIdle();
        return id;
    }

    private String attachedVolume(String serverId) {
        String volumeId = newVolume();
        cloud.execute(DEMO, AttachVolume.of(serverId, volumeId));
        cloud.runUntilIdle();
        return volumeId;
    }

    private void attachedMedia(String serverId) {
        cloud.execute(DEMO, new AttachMedia(serverId, ISO));
        cloud.runUntilIdle();
    }

    private String portOf(String serverId) {
        return cloud.interfaces(DEMO, serverId).get(0).id();
    }

    // ---------------------------------------------------------------- refusals

    /** The engine's message as a template: the ids given put back as placeholders, a state at the end as its own. */
    private static String template(String message, Map<String, String> placeholders) {
        String template = message;
        for (Map.Entry<String, String> id : placeholders.entrySet()) {
            template = template.replace(id.getKey(), id.getValue());
        }
        return template.replaceAll("(vm_state|task_state) \\S+$", "$1 <$1>");
    }

    /**
     * Asserts that the engine refuses {@code call} and that the explanation of {@code operation} lists that refusal.
     *
     * @return where in the explanation's refusals it is listed
     */
    private int assertExplained(Operation operation, ThrowingCallable call, Map<String, String> placeholders) {
        ComputeException refused = null;
        try {
            call.call();
        } catch (ComputeException e) {
            refused = e;
        } catch (Throwable other) {
            throw new AssertionError("not a refusal", other);
        }
        assertThat(refused).as("the engine refuses this %s", operation).isNotNull();
        String message = template(refused.getMessage(), placeholders);
        Explanation explanation = explainer.explain(operation);
        List<Refused> refusals = explanation.refusals();
        int index = -1;
        for (int i = 0; i < refusals.size() && index < 0; i++) {
            Refused listed = refusals.get(i);
            if (listed.refusal() == refused.refusal() && listed.status() == refused.code()
                    && listed.faultName().equals(refused.faultName()) && listed.message().equals(message)) {
                index = i;
            }
        }
        assertThat(index).as("%s lists %s %s %s", operation, refused.code(), refused.faultName(), message)
                .isNotNegative();
        assertThat(ExplanationText.render(explanation)).contains(refused.code() + " " + refused.faultName())
                .contains(message);
        return index;
    }

    @Test
    void everyRefusalOfADetachWhileTheServerRebootsIsExplainedInTheEnginesOrder() {
        Server server = activeServer();
        String port = portOf(server.id());
        String volume = attachedVolume(server.id());
        attachedMedia(server.id());
        Map<String, String> ids = Map.of(server.id(), "<server>", port, "<port>", volume, "<volume>", ISO,
                "<image>");
        cloud.execute(DEMO, new Perform(server.id(), Operation.REBOOT_SOFT));

        Map<Operation, ThrowingCallable> detaches = new LinkedHashMap<>();
        detaches.put(Operation.DETACH_INTERFACE, () -> cloud.execute(DEMO, new DetachInterface(server.id(), port)));
        detaches.put(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO, DetachVolume.of(server.id(), volume)));
        detaches.put(Operation.MEDIA_DETACH, () -> cloud.execute(DEMO, new DetachMedia(server.id(), ISO)));
        Map<Operation, Integer> busy = new LinkedHashMap<>();
        detaches.forEach((operation, detach) -> busy.put(operation, assertExplained(operation, detach, ids)));

        cloud.execute(DEMO, new LockServer(server.id(), null));
        detaches.forEach((operation, detach) -> assertThat(assertExplained(operation, detach, ids))
                .as("%s: the lock is checked before the task_state, so it is listed first", operation)
                .isLessThan(busy.get(operation)));
    }

    @Test
    void aDetachWhileAHardRebootOrAStopRunsIsExplained() {
        Server server = activeServer();
        String volume = attachedVolume(server.id());
        Map<String, String> ids = Map.of(server.id(), "<server>", volume, "<volume>");
        cloud.execute(DEMO, new Perform(server.id(), Operation.REBOOT_HARD));
        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO, DetachVolume.of(server.id(), volume)),
                ids);
        cloud.runUntilIdle();
        cloud.execute(DEMO, new Perform(server.id(), Operation.STOP));
        assertExplained(Operation.DETACH_INTERFACE, () -> cloud.execute(DEMO,
                new DetachInterface(server.id(), portOf(server.id()))), ids);
    }

    @Test
    void detachVolumeRefusalsAreExplained() {
        Server server = activeServer();
        String attached = attachedVolume(server.id());
        String loose = newVolume();
        Map<String, String> ids = Map.of(server.id(), "<server>", attached, "<volume>", loose, "<volume>",
                "no-such-volume", "<volume>");

        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO, DetachVolume.of("no-such-server", loose)),
                Map.of("no-such-server", "<server>"));
        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO,
                DetachVolume.of(server.id(), "no-such-volume")), ids);
        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO, DetachVolume.of(server.id(), loose)), ids);

        cloud.execute(DEMO, AttachVolume.of(server.id(), loose)); // reserved: its attach has not completed
        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO, DetachVolume.of(server.id(), loose)), ids);
        cloud.runUntilIdle();

        cloud.execute(DEMO, new Perform(server.id(), Operation.SUSPEND));
        cloud.runUntilIdle();
        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO, DetachVolume.of(server.id(), attached)),
                ids);

        String root = newVolume();
        String bootsFromVolume = cloud.execute(DEMO, new CreateServer("bfv", "1", null).bootingFromVolume(root))
                .server().id();
        cloud.runUntilIdle();
        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO, DetachVolume.of(bootsFromVolume, root)),
                Map.of(bootsFromVolume, "<server>", root, "<volume>"));
    }

    @Test
    void stopAndRebootRefusalsAreExplained() {
        Server server = activeServer();
        Map<String, String> ids = Map.of(server.id(), "<server>");
        cloud.execute(DEMO, new Perform(server.id(), Operation.STOP));
        assertExplained(Operation.STOP, () -> cloud.execute(DEMO, new Perform(server.id(), Operation.STOP)), ids);
        assertExplained(Operation.REBOOT_SOFT, () -> cloud.execute(DEMO,
                new Perform(server.id(), Operation.REBOOT_SOFT)), ids);
        cloud.runUntilIdle();
        assertExplained(Operation.STOP, () -> cloud.execute(DEMO, new Perform(server.id(), Operation.STOP)), ids);
        assertExplained(Operation.REBOOT_SOFT, () -> cloud.execute(DEMO,
                new Perform(server.id(), Operation.REBOOT_SOFT)), ids);

        // A build that fails leaves a server in error that never launched: stop passes the vm_state check only.
        cloud.addFault(new FaultRule("broken-build", FaultMatch.operation(Operation.CREATE),
                new FaultEffect.FailCompletion(500, "no valid host"), Trigger.nextCalls(1)));
        String broken = cloud.execute(DEMO, new CreateServer("broken", "1", IMAGE)).server().id();
        cloud.runUntilIdle();
        assertThat(cloud.server(DEMO, broken).vmState()).isEqualTo(VmState.ERROR);
        assertExplained(Operation.STOP, () -> cloud.execute(DEMO, new Perform(broken, Operation.STOP)),
                Map.of(broken, "<server>"));
    }

    @Test
    void mediaRefusalsAreExplained() {
        Server server = activeServer();
        Map<String, String> ids = Map.of(server.id(), "<server>", ISO, "<image>", "no-such-image", "<image>");
        assertExplained(Operation.MEDIA_DETACH, () -> cloud.execute(DEMO, new DetachMedia(server.id(), ISO)), ids);
        assertExplained(Operation.MEDIA_DETACH, () -> cloud.execute(DEMO,
                new DetachMedia(server.id(), "no-such-image")), ids);
        cloud.execute(DEMO, new AttachMedia(server.id(), ISO));
        assertExplained(Operation.MEDIA_DETACH, () -> cloud.execute(DEMO, new DetachMedia(server.id(), ISO)), ids);
        assertExplained(Operation.MEDIA_ATTACH, () -> cloud.execute(DEMO, new AttachMedia(server.id(), ISO)), ids);
        cloud.runUntilIdle();
        assertExplained(Operation.MEDIA_ATTACH, () -> cloud.execute(DEMO, new AttachMedia(server.id(), ISO)), ids);
    }

    // ---------------------------------------------------------------- what happens later

    @Test
    void aPortThatIsNotAttachedFailsLaterWithTheExplainedMessageAtTheExplainedTime() {
        Server server = activeServer();
        String stranger = "0f0f0f0f-1e1e-4d2d-8c3c-4b4b4b4b4b4b";
        Explanation explanation = explainer.explain(Operation.DETACH_INTERFACE);
        String requestId = cloud.execute(DEMO, new DetachInterface(server.id(), stranger)).requestId();

        cloud.advance(explanation.later().duration().minus(JUST_BEFORE));
        assertThat(event(server.id(), requestId).finished()).isFalse();
        cloud.advance(JUST_BEFORE);
        InstanceActionEvent event = event(server.id(), requestId);
        assertThat(event.event()).isEqualTo(explanation.laterFailures().get(0).event());
        assertThat(event.result()).isEqualTo(InstanceActionEvent.ERROR);
        assertThat(explanation.laterFailures()).extracting(LaterFailure::message)
                .contains(template(event.traceback(), Map.of(stranger, "<port>")));
    }

    @Test
    void aDetachThatAFaultRuleFailsEndsWithTheExplainedMessage() {
        Server server = activeServer();
        String port = portOf(server.id());
        cloud.addFault(new FaultRule("stuck-nic", FaultMatch.operation(Operation.DETACH_INTERFACE),
                new FaultEffect.FailCompletion(500, "device busy"), Trigger.nextCalls(1)));
        String requestId = cloud.execute(DEMO, new DetachInterface(server.id(), port)).requestId();
        cloud.runUntilIdle();

        assertThat(explainer.explain(Operation.DETACH_INTERFACE).laterFailures()).extracting(LaterFailure::message)
                .contains(template(event(server.id(), requestId).traceback(),
                        Map.of(server.id(), "<server>", "device busy", Placeholders.RULE_MESSAGE)));
        assertThat(cloud.interfaces(DEMO, server.id())).extracting(p -> p.id()).contains(port);
    }

    @Test
    void stopAndDetachVolumeChangeWhatTheExplanationSaysAtOnceAndEndWhenItSays() {
        Server server = activeServer();
        Explanation stop = explainer.explain(Operation.STOP);
        TaskState first = TransitionTable.rule(Operation.STOP).phases().get(0);
        cloud.execute(DEMO, new Perform(server.id(), Operation.STOP));
        assertThat(cloud.server(DEMO, server.id()).taskState()).isEqualTo(first);
        assertThat(stop.atOnce()).anyMatch(fact -> fact.startsWith("task_state becomes " + first.value()));
        cloud.advance(stop.later().duration().minus(JUST_BEFORE));
        assertThat(cloud.server(DEMO, server.id()).taskState()).isEqualTo(first);
        cloud.advance(JUST_BEFORE);
        Server stopped = cloud.server(DEMO, server.id());
        List<String> steps = stop.later().steps();
        assertThat(steps.get(steps.size() - 1)).startsWith("at " + Draft.time(stop.later().duration())
                + ": task_state None, vm_state " + stopped.vmState().value() + ", power_state "
                + stopped.powerState().name());

        cloud.execute(DEMO, new Perform(server.id(), Operation.START));
        cloud.runUntilIdle();
        String volume = attachedVolume(server.id());
        Explanation detach = explainer.explain(Operation.DETACH_VOLUME);
        cloud.execute(DEMO, DetachVolume.of(server.id(), volume));
        assertThat(cloud.volume(DEMO, volume).status()).isEqualTo(VolumeStatus.DETACHING);
        assertThat(detach.atOnce().get(0)).contains("the volume " + VolumeStatus.DETACHING.value());
        cloud.advance(detach.later().duration().minus(JUST_BEFORE));
        assertThat(cloud.volumeAttachments(DEMO, server.id())).hasSize(1);
        cloud.advance(JUST_BEFORE);
        assertThat(cloud.volumeAttachments(DEMO, server.id())).isEmpty();
        assertThat(cloud.volume(DEMO, volume).status()).isEqualTo(VolumeStatus.AVAILABLE);
    }

    @Test
    void aShelvedServerNeedsTheMicroversionTheExplanationNames() {
        Server server = activeServer();
        String volume = attachedVolume(server.id());
        cloud.execute(DEMO, new Perform(server.id(), Operation.SHELVE));
        cloud.runUntilIdle();
        assertThat(cloud.server(DEMO, server.id()).vmState()).isEqualTo(VmState.SHELVED_OFFLOADED);
        int needed = explainer.explain(Operation.DETACH_VOLUME).microversions().get(0).minor();

        assertExplained(Operation.DETACH_VOLUME, () -> cloud.execute(DEMO,
                new DetachVolume(server.id(), volume, needed - 1)), Map.of(server.id(), "<server>"));
        cloud.execute(DEMO, new DetachVolume(server.id(), volume, needed));
        assertThat(cloud.volumeAttachments(DEMO, server.id())).as("detached inline, as explained").isEmpty();
    }

    private InstanceActionEvent event(String serverId, String requestId) {
        return cloud.instanceAction(DEMO, serverId, requestId).events().get(0);
    }
}
