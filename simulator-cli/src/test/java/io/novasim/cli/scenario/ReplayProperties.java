package io.novasim.cli.scenario;

import io.novasim.report.JsonReport;
import io.novasim.report.RunReport;
import io.novasim.report.TranscriptWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any scenario, run twice, tells the same story byte for byte: generated scenarios of named operations, requests,
 * clock moves, fault rules added and removed, and state checks on the web-tier preset (whether their expectations
 * hold does not matter here, only that both runs agree on everything).
 */
class ReplayProperties {
    private static final List<String> SERVERS = List.of("web-1", "web-2", "db", "batch");
    private static final List<String> OPERATIONS = List.of("reboot", "stop", "start", "pause", "unpause", "lock",
            "unlock", "suspend", "resume", "rescue", "unrescue", "delete");

    @Property(tries = 40)
    void replayingAScenarioGivesTheSameTranscriptAndReport(@ForAll("scenarios") String yaml,
                                                          @ForAll("seeds") long seed) throws Exception {
        Path file = Files.createTempFile("novasim-replay", ".yaml");
        try {
            Files.writeString(file, "seed: " + seed + "\npreset: web-tier\nsteps:\n" + yaml);
            Scenario scenario = ScenarioReader.read(file);
            RunReport first = ScenarioRunner.run(scenario, file, ScenarioRunner.Progress.NONE);
            RunReport second = ScenarioRunner.run(ScenarioReader.read(file), file, ScenarioRunner.Progress.NONE);

            String transcript = TranscriptWriter.write(first, false);
            assertThat(TranscriptWriter.write(second, false)).isEqualTo(transcript);
            assertThat(JsonReport.write(second)).isEqualTo(JsonReport.write(first));
            long verdicts = transcript.lines().filter(line -> line.endsWith(": PASS") || line.endsWith(": FAIL"))
                    .count();
            assertThat(verdicts).as("one line per expectation").isEqualTo(first.expectations());
            assertThat(first.entries()).extracting(RunReport.Entry::at).isSortedAccordingTo(
                    java.util.Comparator.naturalOrder());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(1, 1_000);
    }

    @Provide
    Arbitrary<String> scenarios() {
        return step().list().ofMinSize(1).ofMaxSize(25).map(ReplayProperties::removingOnlyRulesThatExist);
    }

    /**
     * The steps, a remove_fault kept only where it names a rule an earlier step added and none removed (removing one
     * that does not exist makes the scenario invalid); steps keep their indices, which name the rules.
     */
    private static String removingOnlyRulesThatExist(List<String> steps) {
        java.util.Set<String> rules = new java.util.HashSet<>();
        StringBuilder scenario = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (step.startsWith("  - fault:")) {
                rules.add("rule-" + i);
            } else if (step.startsWith("  - remove_fault:")) {
                String rule = step.substring("  - remove_fault: ".length()).trim();
                step = rules.remove(rule) ? step : "  - advance: 1s\n"; // in its place, so the indices stand
            }
            scenario.append(step);
        }
        return scenario.toString();
    }

    private Arbitrary<String> step() {
        Arbitrary<String> server = Arbitraries.of(SERVERS);
        Arbitrary<String> operation = Combinators.combine(Arbitraries.of(OPERATIONS), server).as((op, name) ->
                "  - operation: {name: " + op + ", server: \"${server." + name + "}\"}\n"
                        + "    expect: {status: 202}\n");
        Arbitrary<String> detach = Arbitraries.just("  - operation: {name: detach-volume, server: \"${server.db}\","
                + " volume: \"${volume.data-1}\"}\n");
        Arbitrary<String> attach = server.map(name -> "  - operation: {name: attach-interface, server: \"${server."
                + name + "}\", network: 3cb9bc59-5699-4588-a4b1-b87f96708bc6}\n");
        Arbitrary<String> read = server.map(name -> "  - request: {path: \"/v2.1/servers/${server." + name + "}\"}\n"
                + "    expect: {status: 200, json: {/server/status: ACTIVE}}\n");
        Arbitrary<String> advance = Arbitraries.of("500ms", "1s", "3s", "10s", "1m").map(by -> "  - advance: " + by
                + "\n");
        Arbitrary<String> fault = Combinators.combine(Arbitraries.of("reboot_soft", "stop", "detach_volume",
                        "attach_interface", "start"), Arbitraries.of("{type: error, code: 503}",
                        "{type: fail, message: boom}", "{type: delay, seconds: 5}", "{type: stuck}"),
                Arbitraries.of("{times: 1}", "{after: 1, times: 1}", "{probability: 0.5}"))
                .as((op, effect, trigger) -> "  - fault: {match: {operations: [" + op + "]}, effect: " + effect
                        + ", trigger: " + trigger + "}\n");
        // A rule without an id is rule-N, N its step's index: some of these name one, some nothing.
        Arbitrary<String> removeFault = Arbitraries.integers().between(0, 24)
                .map(index -> "  - remove_fault: rule-" + index + "\n");
        Arbitrary<String> check = server.map(name -> "  - check:\n      servers: {" + name
                + ": {task_state: null}}\n      volumes: {data-1: {status: in-use}}\n");
        Arbitrary<String> wait = server.map(name -> "  - check: {servers: {" + name + ": {status: ACTIVE}}}\n"
                + "    until: {servers: {" + name + ": {task_state: null}}}\n    within: 2m\n    every: 5s\n");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, operation), net.jqwik.api.Tuple.of(1, detach),
                net.jqwik.api.Tuple.of(1, attach), net.jqwik.api.Tuple.of(3, read),
                net.jqwik.api.Tuple.of(4, advance), net.jqwik.api.Tuple.of(2, fault),
                net.jqwik.api.Tuple.of(1, removeFault), net.jqwik.api.Tuple.of(2, check),
                net.jqwik.api.Tuple.of(1, wait));
    }
}
