package io.novasim.state;

import io.novasim.model.error.ComputeException;
import io.novasim.model.network.Port;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerStatus;
import io.novasim.model.server.TaskState;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeStatus;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.CreateServer;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.Perform;
import io.novasim.state.faults.FaultEffect;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FaultTarget;
import io.novasim.state.faults.FiredFault;
import io.novasim.state.faults.Trigger;
import io.novasim.state.ids.SeededIdSource;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.Replay;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.novasim.state.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultPlanTest {
    private final EventLog log = new EventLog();
    private final Cloud cloud = Fixtures.cloud(41, log);

    private Server activeServer(String name) {
        Server server = cloud.execute(ALICE, new CreateServer(name, FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        return server;
    }

    @Test
    void anApiErrorAnswersTheNextCallsThenTheCallsSucceed() {
        Server server = activeServer("web");
        Port port = cloud.interfaces(ALICE, server.id()).get(0);
        cloud.addFault(new FaultRule("flaky", FaultMatch.operation(Operation.DETACH_INTERFACE),
                FaultEffect.Error.serviceUnavailable("Try again later"), Trigger.nextCalls(2)));
        CloudState before = cloud.state();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cloud.execute(ALICE, new DetachInterface(server.id(), port.id())))
                    .isInstanceOf(ComputeException.class).hasMessage("Try again later")
                    .satisfies(e -> {
                        assertThat(((ComputeException) e).code()).isEqualTo(503);
                        assertThat(((ComputeException) e).faultName()).isEqualTo("serviceUnavailable");
                    });
        }
        assertThat(cloud.state().ports()).isEqualTo(before.ports());
        assertThat(cloud.instanceActions(ALICE, server.id())).hasSize(before.actions().get(server.id()).size());
        String accepted = cloud.execute(ALICE, new DetachInterface(server.id(), port.id())).requestId();
        assertThat(cloud.firedFaults()).hasSize(2).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("flaky");
            assertThat(f.operation()).isEqualTo(Operation.DETACH_INTERFACE);
            assertThat(f.serverId()).isEqualTo(server.id());
            assertThat(f.requestId()).isNotEqualTo(accepted).startsWith("req-");
        });
    }

    @Test
    void afterCallsLetsTheFirstCallsPass() {
        cloud.addFault(new FaultRule("third", FaultMatch.operation(Operation.CREATE),
                FaultEffect.Error.computeFault("Unexpected API Error."), Trigger.afterCalls(2)));
        cloud.execute(ALICE, new CreateServer("a", FLAVOR, IMAGE));
        cloud.execute(ALICE, new CreateServer("b", FLAVOR, IMAGE));
        assertThatThrownBy(() -> cloud.execute(ALICE, new CreateServer("c", FLAVOR, IMAGE)))
                .hasMessage("Unexpected API Error.");
        assertThat(cloud.servers(ALICE)).hasSize(2);
        assertThat(cloud.removeFault("third")).isTrue();
        cloud.execute(ALICE, new CreateServer("d", FLAVOR, IMAGE));
        assertThat(cloud.servers(ALICE)).hasSize(3);
    }

    @Test
    void aSeededProbabilityFiresOnTheSameCallsEveryRun() {
        List<List<Integer>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Cloud c = Fixtures.cloud(99);
            c.addFault(new FaultRule("coin", FaultMatch.operation(Operation.CREATE),
                    FaultEffect.Error.serviceUnavailable("busy"), Trigger.withProbability(0.5)));
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                try {
                    c.execute(ALICE, new CreateServer("s" + i, FLAVOR, IMAGE));
                } catch (ComputeException e) {
                    failed.add(i);
                }
            }
            runs.add(failed);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1)).hasSizeBetween(8, 32);
    }

    @Test
    void aServerStuckInATaskStateStaysThereUntilReleased() {
        Server server = activeServer("stuck");
        cloud.addFault(new FaultRule("hang", FaultMatch.operation(Operation.REBOOT_SOFT).onServerNamed("stu.*"),
                new FaultEffect.Stuck(TaskState.REBOOT_STARTED, null), Trigger.always()));
        cloud.execute(ALICE, new Perform(server.id(), Operation.REBOOT_SOFT));
        cloud.advance(Duration.ofHours(5));
        assertThat(cloud.server(ALICE, server.id()).taskState()).isEqualTo(TaskState.REBOOT_STARTED);
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.REBOOT);
        assertThat(cloud.nextDueAt()).isEmpty();

        assertThat(cloud.release(server.id())).isEqualTo(1);
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.ACTIVE);
    }

    @Test
    void aStuckTaskForADurationEndsLate() {
        Server server = activeServer("web");
        cloud.addFault(new FaultRule("slow-stop", FaultMatch.operation(Operation.STOP).onServer(server.id()),
                new FaultEffect.Stuck(null, Duration.ofMinutes(3)), Trigger.nextCalls(1)));
        cloud.execute(ALICE, new Perform(server.id(), Operation.STOP));
        cloud.advance(Duration.ofMinutes(3));
        assertThat(cloud.server(ALICE, server.id()).taskState()).isEqualTo(TaskState.POWERING_OFF);
        cloud.advance(Duration.ofSeconds(2));
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.SHUTOFF);
    }

    @Test
    void resetStateClearsAStuckTask() {
        Server server = activeServer("web");
        cloud.addFault(new FaultRule("hang", FaultMatch.operation(Operation.STOP),
                new FaultEffect.Stuck(null, null), Trigger.always()));
        cloud.execute(ALICE, new Perform(server.id(), Operation.STOP));
        cloud.execute(ADMIN, new Perform(server.id(), Operation.RESET_STATE_ACTIVE));
        assertThat(cloud.server(ALICE, server.id()).status()).isEqualTo(ServerStatus.ACTIVE);
        assertThat(cloud.release(server.id())).isZero();
    }

    @Test
    void aDelaySlowsADetachDown() {
        Server server = activeServer("web");
        CinderVolume volume = cloud.execute(ALICE, new CreateVolume("v", 1, false, false)).volume();
        cloud.advance(Duration.ofSeconds(1));
        cloud.execute(ALICE, AttachVolume.of(server.id(), volume.id()));
        cloud.advance(Duration.ofSeconds(2));
        cloud.addFault(new FaultRule("slow", FaultMatch.operation(Operation.DETACH_VOLUME).onVolume(volume.id()),
                new FaultEffect.Delay(Duration.ofSeconds(30)), Trigger.always()));
        cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id()));
        cloud.advance(Duration.ofSeconds(30));
        assertThat(cloud.volume(ALICE, volume.id()).status()).isEqualTo(VolumeStatus.DETACHING);
        cloud.advance(Duration.ofSeconds(1));
        assertThat(cloud.volume(ALICE, volume.id()).status()).isEqualTo(VolumeStatus.AVAILABLE);
    }

    @Test
    void rulesMatchByProjectAndOnlyThere() {
        cloud.addFault(new FaultRule("other-project", FaultMatch.any().inProject(OTHER),
                FaultEffect.Error.computeFault("boom"), Trigger.always()));
        cloud.execute(ALICE, new CreateServer("fine", FLAVOR, IMAGE));
        assertThatThrownBy(() -> cloud.execute(MALLORY, new CreateServer("boom", FLAVOR, IMAGE)))
                .hasMessage("boom");
        assertThat(cloud.firedFaults()).extracting(FiredFault::ruleId).containsExactly("other-project");
    }

    @Test
    void aRunWithFaultsReplaysToTheSameHistory() {
        Server server = activeServer("web");
        cloud.addFault(new FaultRule("coin", FaultMatch.any(), FaultEffect.Error.serviceUnavailable("busy"),
                Trigger.withProbability(0.3)));
        cloud.addFault(new FaultRule("hang", FaultMatch.operation(Operation.REBOOT_HARD),
                new FaultEffect.Stuck(null, null), Trigger.always()));
        for (int i = 0; i < 20; i++) {
            for (Operation op : List.of(Operation.STOP, Operation.START, Operation.REBOOT_HARD)) {
                try {
                    cloud.execute(ALICE, new Perform(server.id(), op));
                } catch (ComputeException refused) {
                    // part of the history
                }
                cloud.advance(Duration.ofSeconds(3));
                if (i % 3 == 0) {
                    cloud.release(server.id());
                }
            }
        }
        cloud.removeFault("coin");
        EventLog replayLog = new EventLog();
        Cloud replayed = new Cloud(CATALOG, new VirtualClock(), new SeededIdSource(41), Timings.defaults(),
                replayLog);
        Replay.onto(replayed, log.events());
        replayed.advanceTo(cloud.now());
        assertThat(replayed.state()).isEqualTo(cloud.state());
        assertThat(replayLog.events()).isEqualTo(log.events());
        assertThat(cloud.firedFaults()).isNotEmpty();
    }

    @Test
    void everyAcceptedCallARuleCanMatchIsReportedWithItsTargetsAndRefusedOnesAreNot() {
        Server server = activeServer("web");
        CinderVolume volume = cloud.execute(ALICE, new CreateVolume("v", 1, false, false)).volume();
        cloud.advance(Duration.ofSeconds(1));
        String attach = cloud.execute(ALICE, AttachVolume.of(server.id(), volume.id())).requestId();
        assertThatThrownBy(() -> cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id())))
                .isInstanceOf(ComputeException.class); // still attaching: refused before the fault plan is asked
        cloud.advance(Duration.ofSeconds(2));
        cloud.execute(ALICE, DetachVolume.of(server.id(), volume.id()));

        List<SimEvent.MatchableCall> calls = log.events().stream()
                .filter(SimEvent.MatchableCall.class::isInstance).map(SimEvent.MatchableCall.class::cast).toList();
        assertThat(calls).extracting(call -> call.target().operation())
                .containsExactly(Operation.CREATE, Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME);
        assertThat(calls.get(0).target().serverName()).isEqualTo("web");
        assertThat(calls.get(1).requestId()).isEqualTo(attach);
        assertThat(calls.get(2).target()).satisfies(detach -> {
            assertThat(detach.serverId()).isEqualTo(server.id());
            assertThat(detach.volumeId()).isEqualTo(volume.id());
            assertThat(detach.projectId()).isEqualTo(DEMO);
        });
    }

    @Test
    void aRuleLikeARecordedCallFiresOnThatCallAndOnNoOther() {
        activeServer("web");
        activeServer("db");
        Server web2 = cloud.execute(ALICE, new CreateServer("web2", FLAVOR, IMAGE)).server();
        cloud.runUntilIdle();
        List<FaultTarget> stops = new ArrayList<>();
        for (Server server : cloud.servers(ALICE)) {
            stops.add(new FaultTarget(Operation.STOP, server.id(), server.name(), DEMO, null, null, null));
        }
        FaultMatch likeWeb2 = FaultMatch.like(stops.stream().filter(t -> t.serverId().equals(web2.id()))
                .findFirst().orElseThrow());
        assertThat(stops).filteredOn(likeWeb2::matches).hasSize(1);
        assertThat(likeWeb2.matches(new FaultTarget(Operation.START, web2.id(), "web2", DEMO, null, null, null)))
                .isFalse();

        FaultMatch aCreate = FaultMatch.like(new FaultTarget(Operation.CREATE, null, "a.b", DEMO, null, null, IMAGE));
        assertThat(aCreate.matches(new FaultTarget(Operation.CREATE, null, "a.b", DEMO, null, null, IMAGE))).isTrue();
        assertThat(aCreate.matches(new FaultTarget(Operation.CREATE, null, "axb", DEMO, null, null, IMAGE)))
                .as("the name is matched literally").isFalse();
    }

    @Test
    void aRuleNameIsUnique() {
        FaultRule rule = new FaultRule("x", FaultMatch.any(), new FaultEffect.Delay(Duration.ZERO), Trigger.always());
        cloud.addFault(rule);
        assertThatThrownBy(() -> cloud.addFault(rule)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cloud.faultRules()).containsExactly(rule);
    }
}
