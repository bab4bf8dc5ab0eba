package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.junit5.sweep.FaultKind;
import io.novasim.junit5.sweep.FaultSweep;
import io.novasim.junit5.sweep.SweepReport;
import io.novasim.junit5.sweep.SweepRun;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sweep over two volume detachers spoken in plain HTTP: one that takes the 202 as done, and one that checks. The
 * example project does the same with openstack4j.
 */
@Timeout(120)
class FaultSweepTest {
    /** A server with data-1 attached, and a token of its project. */
    record Fixture(String token, String server, CinderVolume volume) {
        static Fixture make(NovaSimulator sim) {
            String token = Http.demoToken(sim);
            String server = Http.id(Http.createServer(sim, token, "db").body());
            sim.control().advance(Duration.ofSeconds(5));
            CinderVolume volume = sim.control().state().volumes().stream().filter(v -> v.name().equals("data-1"))
                    .findFirst().orElseThrow();
            HttpResponse<String> attach = Http.post(URI.create(sim.computeEndpoint() + "/servers/" + server
                    + "/os-volume_attachments"), token, "{\"volumeAttachment\": {\"volumeId\": \"" + volume.id()
                    + "\"}}");
            assertThat(attach.statusCode()).isEqualTo(200);
            sim.control().advance(Duration.ofSeconds(2));
            return new Fixture(token, server, volume);
        }

        int detach(NovaSimulator sim) {
            return Http.delete(URI.create(sim.computeEndpoint() + "/servers/" + server + "/os-volume_attachments/"
                    + volume.id()), token).statusCode();
        }

        String volumeStatus(NovaSimulator sim) {
            String body = Http.get(URI.create(sim.baseUri() + "/volume/v3/" + volume.projectId() + "/volumes/"
                    + volume.id()), token).body();
            return body.replaceAll("(?s).*\"status\"\\s*:\\s*\"([a-z-]+)\".*", "$1");
        }
    }

    /** Takes the 202 as done. */
    static void naiveDetach(NovaSimulator sim, Fixture fixture) {
        int status = fixture.detach(sim);
        if (status != 202) {
            throw new IllegalStateException("detach answered " + status);
        }
        sim.control().advance(Duration.ofSeconds(2));
    }

    /**
     * Retries a refused detach, waits for the volume to leave in-use and detaching, sends the detach again when it
     * comes back in-use, and says so when it gives up.
     */
    static void carefulDetach(NovaSimulator sim, Fixture fixture) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int status = fixture.detach(sim);
            if (status == 409 || status == 500 || status == 503) {
                sim.control().advance(Duration.ofSeconds(1));
                continue;
            }
            if (status == 404 && fixture.volumeStatus(sim).equals("available")) {
                return;
            }
            if (status != 202) {
                throw new IllegalStateException("detach answered " + status);
            }
            for (int poll = 0; poll < 60 * 20 && fixture.volumeStatus(sim).equals("detaching"); poll++) {
                sim.control().advance(Duration.ofSeconds(1));
            }
            if (fixture.volumeStatus(sim).equals("available")) {
                return;
            }
            if (fixture.volumeStatus(sim).equals("detaching")) {
                throw new IllegalStateException("still detaching after 20 minutes");
            }
        }
        throw new IllegalStateException("gave up after 5 attempts");
    }

    /** What both are held to: when the detach returns, the volume is available; when it gives up, it says so. */
    static void detachAndCheck(NovaSimulator sim, Fixture fixture, boolean careful) {
        try {
            if (careful) {
                carefulDetach(sim, fixture);
            } else {
                naiveDetach(sim, fixture);
            }
        } catch (IllegalStateException gaveUp) {
            assertThat(fixture.volumeStatus(sim)).as("a detacher that gives up leaves the volume attached")
                    .isNotEqualTo("available");
            return;
        }
        assertThat(fixture.volumeStatus(sim)).as("the volume once the detacher returned").isEqualTo("available");
    }

    @RegisterExtension
    static NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
            .simulator(NovaSimulator.builder().seed(42)).build();

    private static FaultSweep sweep() {
        return FaultSweep.of(NovaSimulator.builder().seed(42));
    }

    @Test
    void theNaiveDetacherFailsExactlyWhereTheDetachIsAcceptedButNotDone() {
        SweepReport report = sweep().given(Fixture::make).run((sim, fixture) -> detachAndCheck(sim, fixture, false));

        assertThat(report.calls()).extracting(call -> call.operation()).containsExactly(Operation.DETACH_VOLUME);
        assertThat(report.runs()).hasSize(FaultKind.values().length);
        assertThat(report.failedKinds()).containsExactlyInAnyOrder(FaultKind.FAILED_COMPLETION,
                FaultKind.STUCK_TASK, FaultKind.LONG_DELAY);
        SweepRun failedCompletion = report.run(1, FaultKind.FAILED_COMPLETION).orElseThrow();
        assertThat(failedCompletion.outcome()).isEqualTo(SweepRun.Outcome.FAILED);
        assertThat(failedCompletion.failure()).contains("the volume once the detacher returned")
                .contains("in-use");
        assertThat(failedCompletion.transcript()).anySatisfy(line -> assertThat(line)
                .contains("DELETE /v2.1/servers/").contains("-> 202"))
                .anySatisfy(line -> assertThat(line).contains("fault rule sweep-1-failed-completion fired on it"))
                .anySatisfy(line -> assertThat(line).contains("-- the code under test --"));
        assertThat(report.toString()).contains("rerun alone: FaultSweep.only(1, FaultKind.FAILED_COMPLETION), or "
                + "-Dnovasim.sweep.only=1:FAILED_COMPLETION");
        assertThatThrownBy(report::assertAllPassed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 matchable call, 6 runs: 3 passed, 3 failed")
                .hasMessageContaining("DETACH_VOLUME  failed completion");
    }

    @Test
    void theCarefulDetacherPassesEveryFaultAtEveryCall() {
        SweepReport report = sweep().given(Fixture::make).run((sim, fixture) -> detachAndCheck(sim, fixture, true));

        report.assertAllPassed();
        assertThat(report.runs()).extracting(SweepRun::outcome).containsOnly(SweepRun.Outcome.PASSED)
                .hasSize(FaultKind.values().length);
    }

    @Test
    void theExtensionSweepsWithItsOwnSettingsAndLeavesTheTestsSimulatorAlone() {
        String token = Http.demoToken(nova.simulator());
        Http.createServer(nova.simulator(), token, "mine");
        SweepReport report = nova.sweep().kinds(FaultKind.FAILED_COMPLETION).given(Fixture::make)
                .run((sim, fixture) -> detachAndCheck(sim, fixture, false));

        assertThat(report.runs()).containsExactly(sweep().given(Fixture::make)
                .run((sim, fixture) -> detachAndCheck(sim, fixture, false))
                .run(1, FaultKind.FAILED_COMPLETION).orElseThrow());
        assertThat(nova.control().state().servers()).extracting(server -> server.name()).containsExactly("mine");
    }

    @Test
    void everyCallOfTheBodyIsSweptAndTheSetupIsNot() {
        SweepReport report = sweep().kinds(FaultKind.COMPUTE_FAULT_500).run(sim -> {
            Fixture fixture = Fixture.make(sim);
            naiveDetach(sim, fixture);
        });

        assertThat(report.calls()).extracting(call -> call.operation())
                .containsExactly(Operation.CREATE, Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME);
        assertThat(report.runs()).extracting(run -> run.point().call()).containsExactly(1, 2, 3);
        assertThat(report.failures()).hasSize(3).allSatisfy(run -> assertThat(run.transcript()).contains(
                "      ^ fault rule sweep-" + run.point().call() + "-compute-fault-500 fired on it"));
        assertThat(report.run(3, FaultKind.COMPUTE_FAULT_500).orElseThrow().failure())
                .isEqualTo("java.lang.IllegalStateException: detach answered 500");
        assertThat(report.calls().get(0).describeTarget()).as("a create names its image")
                .isEqualTo("server db image 70a599e0-31e7-49b7-b260-868f441e862b");
    }

    @Test
    void narrowingByOperationKindAndCountKeepsTheFirstRuns() {
        SweepReport report = sweep().operations(Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME)
                .kinds(FaultKind.CONFLICT_409, FaultKind.LONG_DELAY).maxRuns(3)
                .run(sim -> naiveDetach(sim, Fixture.make(sim)));

        assertThat(report.runs()).extracting(run -> run.point().toString())
                .containsExactly("2:CONFLICT_409", "2:LONG_DELAY", "3:CONFLICT_409");
        assertThat(report.leftOut()).isEqualTo(1);
        assertThat(report.table()).contains("(1 more left out by maxRuns)");
    }

    @Test
    void aFailingRunRerunAloneBehavesTheSame() {
        SweepReport whole = sweep().given(Fixture::make).run((sim, fixture) -> detachAndCheck(sim, fixture, false));
        SweepReport alone = sweep().only(1, FaultKind.STUCK_TASK).given(Fixture::make)
                .run((sim, fixture) -> detachAndCheck(sim, fixture, false));

        assertThat(alone.runs()).containsExactly(whole.run(1, FaultKind.STUCK_TASK).orElseThrow());
    }

    @Test
    void runsInParallelOnSimulatorsOfTheirOwnGiveTheSameReport() {
        SweepReport oneByOne = sweep().given(Fixture::make).run((sim, fixture) -> detachAndCheck(sim, fixture, false));
        SweepReport parallel = sweep().parallelism(3).given(Fixture::make)
                .run((sim, fixture) -> detachAndCheck(sim, fixture, false));

        assertThat(parallel).isEqualTo(oneByOne);
    }

    @Test
    void aBodyWithNoMatchableCallIsAFailureNotAPass() {
        assertThatThrownBy(() -> sweep().run(sim -> Http.listServers(sim, Http.demoToken(sim))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("made no call a fault rule can match")
                .hasMessageContaining("GET /v2.1/servers -> 200");
    }

    @Test
    void aBodyThatFailsWithoutFaultsStopsTheSweep() {
        assertThatThrownBy(() -> sweep().run(sim -> {
            throw new AssertionError("broken already");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("fails without any fault")
                .hasMessageContaining("broken already");
    }

    @Test
    void aRunThatMakesOtherCallsThanTheRunWithoutFaultsIsNotReached() {
        AtomicInteger runs = new AtomicInteger();
        SweepReport report = sweep().kinds(FaultKind.LONG_DELAY).run(sim -> {
            String token = Http.demoToken(sim);
            // The first run (without faults) makes one server; every other run makes another one first.
            Http.createServer(sim, token, runs.getAndIncrement() == 0 ? "a" : "b");
            Http.createServer(sim, token, "a");
        });

        assertThat(report.runs()).extracting(SweepRun::outcome)
                .containsExactly(SweepRun.Outcome.NOT_REACHED, SweepRun.Outcome.NOT_REACHED);
        assertThat(report.failures().get(0).failure()).startsWith("the fault fired at call 2: ")
                .contains("is the code under test deterministic?");
        assertThat(report.failures().get(1).failure()).startsWith("the fault never fired: ");
    }

    @Test
    void aRunThatHangsFailsAfterItsTimeoutAndTheNextRunGetsAFreshSimulator() {
        SweepReport report = sweep().kinds(FaultKind.STUCK_TASK, FaultKind.COMPUTE_FAULT_500)
                .runTimeout(Duration.ofMillis(1500)).run(sim -> {
                    String token = Http.demoToken(sim);
                    HttpResponse<String> created = Http.createServer(sim, token, "web");
                    if (created.statusCode() != 202) {
                        return;
                    }
                    // Waits on the wall clock for a clock that nobody moves: hangs while the build is stuck.
                    sim.control().advance(Duration.ofSeconds(5));
                    while (!Http.get(URI.create(sim.computeEndpoint() + "/servers/" + Http.id(created.body())), token)
                            .body().contains("ACTIVE")) {
                        Thread.sleep(20);
                    }
                });

        assertThat(report.run(1, FaultKind.STUCK_TASK).orElseThrow().failure())
                .isEqualTo("the run did not finish within 1500 ms of wall-clock time (its simulator was closed "
                        + "under it)");
        assertThat(report.run(1, FaultKind.COMPUTE_FAULT_500).orElseThrow().outcome())
                .isEqualTo(SweepRun.Outcome.PASSED);
    }

    @Test
    void coordinatesAndNarrowingRefuseWhatTheyCannotMean() {
        assertThatThrownBy(() -> io.novasim.junit5.sweep.SweepPoint.parse("two:STUCK_TASK"))
                .hasMessageContaining("CALL:KIND");
        assertThatThrownBy(() -> io.novasim.junit5.sweep.SweepPoint.parse("2:STUCK"))
                .hasMessageContaining("unknown fault kind 'STUCK'").hasMessageContaining("STUCK_TASK");
        assertThat(io.novasim.junit5.sweep.SweepPoint.parse("2:failed-completion").kind())
                .isEqualTo(FaultKind.FAILED_COMPLETION);
        assertThatThrownBy(() -> sweep().maxRuns(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> sweep().kinds()).hasMessageContaining("at least one fault kind");
        assertThatThrownBy(() -> sweep().only(9, FaultKind.STUCK_TASK).run(sim -> naiveDetach(sim,
                Fixture.make(sim)))).isInstanceOf(AssertionError.class).hasMessageContaining("no run is left");
        assertThat(EnumSet.allOf(FaultKind.class)).hasSize(6);
    }
}
