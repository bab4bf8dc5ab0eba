package io.novasim.cli.explore;

import io.novasim.report.RunReport;
import io.novasim.cli.scenario.Scenario;
import io.novasim.cli.scenario.ScenarioReader;
import io.novasim.cli.scenario.ScenarioRunner;
import io.novasim.state.BrokenEngines;
import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.ExploreFault;
import io.novasim.state.explore.ExploreWorld;
import io.novasim.state.explore.Explorer;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Step;
import io.novasim.state.explore.Steps;
import io.novasim.state.log.EventListener;
import io.novasim.state.rules.Operation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace written as a scenario plays through the real API as the exploration saw it: each call answers the status
 * it was written to expect (so the accepted statuses of {@link CallSpelling} are the API's), and the last check holds.
 */
class ExploreTraceScenarioTest {
    private static final Path FILE = Path.of("default-world.yaml");

    private static ExploredWorld defaultWorld() throws Exception {
        Scenario scenario = ScenarioReader.parse(new String(ExploreTraceScenarioTest.class
                .getResourceAsStream("/io/novasim/cli/explore/default-world.yaml").readAllBytes()), FILE);
        return ExploredWorld.of(scenario, ScenarioRunner.start(scenario, FILE));
    }

    private static RunReport play(ExploredWorld world, Explorer explorer, List<Step> trace) throws Exception {
        String yaml = TraceScenario.write(world, explorer.walk(trace), List.of("a trace"));
        return ScenarioRunner.run(ScenarioReader.parse(yaml, FILE), FILE, ScenarioRunner.Progress.NONE);
    }

    @Test
    void everyCallAcceptedOrRefusedPlaysAsTheExplorationSawIt() throws Exception {
        ExploredWorld world = defaultWorld();
        List<Operation> operations = new ArrayList<>(Steps.SUPPORTED);
        Explorer explorer = new Explorer(world.explore(), Steps.of(world.explore(), operations,
                List.of(ExploreFault.FAIL, ExploreFault.STUCK)), 3, EnumSet.allOf(Invariant.class));
        Exploration found = explorer.explore();

        // The first transition of each (step, accepted or refused): every operation's answer, every status.
        Map<String, Exploration.Transition> firsts = new LinkedHashMap<>();
        for (Exploration.Transition t : found.transitions()) {
            firsts.putIfAbsent(t.step().label() + (t.refused() ? " refused " + t.refusal().substring(0, 3) : ""), t);
        }
        assertThat(firsts.keySet()).contains("delete", "attach-volume", "media-attach", "media-detach",
                "start refused 409", "detach-volume refused 404", "release", "complete", "attach-interface");
        for (Map.Entry<String, Exploration.Transition> first : firsts.entrySet()) {
            List<Step> trace = new ArrayList<>(found.traceTo(first.getValue().from()));
            trace.add(first.getValue().step());
            RunReport report = play(world, explorer, trace);
            assertThat(report.passed()).as("%s: %s", first.getKey(), report.entries().stream()
                    .filter(e -> e.kind() == RunReport.Kind.FAIL).toList()).isTrue();
        }
    }

    @Test
    void aBrokenRuleIsWrittenAsAScenarioThatPlaysToTheBrokenStateThroughTheRealApi() throws Exception {
        ExploredWorld world = defaultWorld();
        ExploreWorld real = world.explore();
        io.novasim.state.Cloud broken = BrokenEngines.withoutRollbackOfFailedDetach(
                world.start().engine().copy(EventListener.NONE));
        ExploreWorld brokenWorld = new ExploreWorld(() -> broken.copy(EventListener.NONE), real.caller(),
                real.servers(), real.ports(), real.volumes(), real.media());
        Explorer explorer = new Explorer(brokenWorld, Steps.of(brokenWorld,
                List.of(Operation.ATTACH_VOLUME, Operation.DETACH_VOLUME), List.of(ExploreFault.FAIL)), 6,
                EnumSet.allOf(Invariant.class));
        Exploration found = explorer.explore();

        assertThat(found.violations()).isNotEmpty();
        Exploration.Violation violation = found.violations().get(0);
        assertThat(violation.invariant()).isEqualTo(Invariant.VOLUME_CHANGE_HAS_WORK);
        String yaml = TraceScenario.write(world, explorer.walk(violation.trace()), List.of("found"));
        assertThat(yaml).startsWith("# found\nseed: 1\nworld:\n")
                .contains("- operation:\n    name: detach-volume\n    server: \"${server.web}\"\n"
                        + "    volume: \"${volume.data}\"\n  expect:\n    status: 202\n")
                .contains("- fault:\n    id: explore\n")
                .contains("- advance: 1s\n")
                .endsWith("- check:\n    servers:\n      web:\n        vm_state: active\n        task_state: null\n"
                        + "        power_state: 1\n    volumes:\n      data:\n        status: detaching\n"
                        + "        attachments: 1\n");
        // The real engine rolls the failed detach back: every step plays as written, and only the last check,
        // the broken state, does not hold.
        RunReport report = ScenarioRunner.run(ScenarioReader.parse(yaml, FILE), FILE, ScenarioRunner.Progress.NONE);
        List<RunReport.Entry> failures = report.entries().stream().filter(e -> e.kind() == RunReport.Kind.FAIL)
                .toList();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).text()).contains("data").contains("detaching");
    }
}
