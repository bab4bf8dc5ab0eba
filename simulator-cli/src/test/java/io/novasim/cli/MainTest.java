package io.novasim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class MainTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).contains("Usage: novasim", "serve", "help");
    }

    @Test
    void helpSubcommandDescribesServe() {
        Cli cli = Cli.run("help", "serve");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).contains("--port", "--clock-speed", "--duration", "--setup",
                "--control-token", "DETACH_INTERFACE");
    }

    @Test
    void versionIsTheProjectVersion() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).startsWith("novasim ").doesNotContain("${");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli cli = Cli.run();

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Missing a command", "Usage: novasim");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli cli = Cli.run("serve", "--bogus");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Unknown option: '--bogus'");
    }

    @Test
    void unknownOperationInDurationIsAUsageError() {
        Cli cli = Cli.run("serve", "--duration", "teleport=2s");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("unknown operation 'teleport'", "DETACH_INTERFACE");
    }

    @Test
    void badDurationIsAUsageError() {
        Cli cli = Cli.run("serve", "--duration", "create=soon");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("not a duration: 'soon'");
    }

    @Test
    void anUnknownClockModeIsAUsageErrorNamingTheModes() {
        Cli cli = Cli.run("serve", "--clock", "fast");
        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--clock must be one of wall, manual, client, not fast");
        Cli still = Cli.run("serve", "--clock", "wall", "--clock-speed", "0");
        assertThat(still.exitCode).isEqualTo(2);
        assertThat(still.err.toString()).contains("--clock wall needs a --clock-speed above 0");
    }

    @Test
    void aReclaimIntervalMustBeADurationOverZero() {
        Cli zero = Cli.run("serve", "--reclaim-instance-interval", "0");
        assertThat(zero.exitCode).isEqualTo(2);
        assertThat(zero.err.toString()).contains("--reclaim-instance-interval must be more than 0, not 0");
        Cli bad = Cli.run("serve", "--reclaim-instance-interval", "soon");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err.toString()).contains("--reclaim-instance-interval: not a duration: 'soon'");
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        Cli cli = Cli.run("serve", "--port", "70000");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--port must be between 0 and 65535");
    }

    @Test
    void negativeClockSpeedIsAUsageError() {
        Cli cli = Cli.run("serve", "--clock-speed", "-1");

        assertThat(cli.exitCode).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--clock-speed must be 0 or more");
    }

    @Test
    void invalidSetupFileExitsWith3AndNamesTheField() throws IOException {
        Path setup = Files.writeString(dir.resolve("world.yaml"), """
                projects:
                  - name: demo
                flavors:
                  - {name: m1.tiny, vcpus: two, ram_mb: 512}
                """);

        Cli cli = Cli.run("serve", "--port", "0", "--setup", setup.toString());

        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("invalid setup file", "world.yaml",
                "flavors[0].vcpus: expected a whole number, not 'two'");
        assertThat(cli.out.toString()).doesNotContain("listening");
    }

    @Test
    void aPortInUseExitsWith1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(cli.exitCode).isEqualTo(1);
            assertThat(cli.err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void missingSetupFileExitsWith3() {
        Cli cli = Cli.run("serve", "--port", "0", "--setup", dir.resolve("absent.yaml").toString());

        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("absent.yaml: no such file");
    }

    @Test
    void aBadFaultRuleInAScenarioExitsWith3NamingTheFieldAndTheAcceptedValues() throws IOException {
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{type: slow_answer, latency: {distribution: gamma, mean: 1}}",
                "effect.latency.distribution must be one of fixed, uniform, normal, exponential, lognormal, not "
                        + "\"gamma\"");
        refused.put("{type: delay, seconds: -3}", "effect.seconds must be a non-negative number of seconds, not -3");
        refused.put("{type: transport, fault: explode}",
                "effect.fault must be one of reset, empty, truncated, malformed, stall, not \"explode\"");
        for (java.util.Map.Entry<String, String> effect : refused.entrySet()) {
            Path scenario = Files.writeString(dir.resolve("bad-rule.yaml"), """
                    description: a bad rule
                    steps:
                      - fault: {match: {operations: [create]}, effect: %s}
                    """.formatted(effect.getKey()));
            Cli cli = Cli.run("run", scenario.toString());
            assertThat(cli.exitCode).as(effect.getKey()).isEqualTo(3);
            assertThat(cli.err.toString()).as(effect.getKey()).contains("bad-rule.yaml, line 3, steps[0].fault",
                    effect.getValue());
        }
        java.util.Map<String, String> triggers = new java.util.LinkedHashMap<>();
        triggers.put("{probability: 1.5}", "probability must be in (0, 1]: 1.5");
        triggers.put("{window: {from: \"2026-01-01T00:05:00Z\", until: \"2026-01-01T00:01:00Z\"}}",
                "the window ends (2026-01-01T00:01:00Z) before it starts (2026-01-01T00:05:00Z)");
        triggers.put("{window: {lasts: -30}}", "trigger.window.lasts must be a positive number of seconds, not -30");
        for (java.util.Map.Entry<String, String> trigger : triggers.entrySet()) {
            Path scenario = Files.writeString(dir.resolve("bad-trigger.yaml"), """
                    description: a bad trigger
                    steps:
                      - fault: {effect: {type: error}, trigger: %s}
                    """.formatted(trigger.getKey()));
            Cli cli = Cli.run("run", scenario.toString());
            assertThat(cli.exitCode).as(trigger.getKey()).isEqualTo(3);
            assertThat(cli.err.toString()).as(trigger.getKey()).contains(trigger.getValue());
        }
    }

    @Test
    void removingAFaultRuleThatDoesNotExistExitsWith3NamingTheRulesThatDo() throws IOException {
        Path scenario = Files.writeString(dir.resolve("remove.yaml"), """
                description: remove a rule that is not there
                steps:
                  - fault: {id: busy, effect: {type: error}}
                  - remove_fault: busy_disk
                """);
        Cli cli = Cli.run("run", scenario.toString());
        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("remove.yaml, line 4, steps[1].remove_fault: there is no fault rule "
                + "busy_disk; the rules are busy");
    }

    @Test
    void aMisspelledFieldIsNamedWithTheFieldsItsObjectTakes() throws IOException {
        Path scenario = Files.writeString(dir.resolve("typo.yaml"), """
                description: a misspelled expectation
                steps:
                  - request: {path: /v2.1/servers}
                    expect: {stauts: 200}
                """);
        Cli cli = Cli.run("run", scenario.toString());
        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("typo.yaml, line 4, steps[0].expect.stauts: unknown field 'stauts'; "
                + "it takes actions, fault, faults_fired, headers, json, message, ports, servers, status, transport, "
                + "volumes").doesNotContain("class io.novasim");
    }

    @Test
    void aNameNobodySavedIsNamedWithTheFieldItIsInAndTheNamesSaved() throws IOException {
        Path scenario = Files.writeString(dir.resolve("unsaved.yaml"), """
                description: a saved name misspelled
                steps:
                  - request: {method: POST, path: /v2.1/servers, body: {server: {name: db, flavorRef: "1",
                      imageRef: 70a599e0-31e7-49b7-b260-868f441e862b}}}
                    save: {server: /server/id}
                  - operation: {name: stop, server: "${server.dbb}"}
                """);
        Cli cli = Cli.run("run", scenario.toString());
        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("unsaved.yaml, line 6, steps[1].operation.server: ${server.dbb} was "
                + "not saved by an earlier step; saved so far: server");
    }

    @Test
    void aFailedRunListsTheExpectationsNotMetAfterItsVerdict() throws IOException {
        Path scenario = Files.writeString(dir.resolve("fails.yaml"), """
                description: two expectations, one not met
                steps:
                  - request: {path: /v2.1/servers}
                    expect: {status: 200}
                  - request: {path: /v2.1/servers/nope}
                    expect: {status: 200}
                """);
        Cli cli = Cli.run("run", "--quiet", scenario.toString());
        assertThat(cli.exitCode).isEqualTo(1);
        assertThat(cli.out.toString()).contains("FAILED: 1 of 2 expectations met\n    not met at ",
                ": expect status 200 (was 404)");
    }
}
