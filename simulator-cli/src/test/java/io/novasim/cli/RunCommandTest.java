package io.novasim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class RunCommandTest {
    record Outcome(int exit, String out, String err) {
    }

    /** A scenario's start: seed 1, and a server booted whose id is saved as {@code server}. */
    private static final String BOOT_A_SERVER = """
            seed: 1
            steps:
              - request:
                  method: POST
                  path: /v2.1/servers
                  body: {server: {name: web, imageRef: 70a599e0-31e7-49b7-b260-868f441e862b, flavorRef: "1"}}
                save: {server: /server/id}
            """;

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("..", "examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExamplePassesAndReplaysByteForByte(Path example) {
        Outcome first = run("run", example.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("PASSED").doesNotContain(": FAIL");
        assertThat(run("run", example.toString()).out()).as("the same file and seed, the same transcript")
                .isEqualTo(first.out());
    }

    @Test
    void aFailedExpectationExits1(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fails.yaml");
        Files.writeString(file, """
                steps:
                  - request: {path: /v2.1/servers}
                    expect: {status: 404}
                """);
        Outcome outcome = run("run", file.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("expect status 404 (was 200): FAIL").contains("FAILED: 0 of 1");
    }

    @Test
    void faultAndMessageExpectationsReadTheFaultBodyOfAnyService(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("faults.yaml");
        Files.writeString(file, """
                steps:
                  - request: {path: /v2.1/servers/nope}
                    expect: {status: 404, fault: itemNotFound, message: "Instance nope could not be found."}
                  - request: {path: /network/v2.0/ports/nope}
                    expect: {fault: NeutronError, message: "Port nope could not be found\\\\.?"}
                  - request: {path: /v2.1/servers/nope}
                    expect: {fault: conflictingRequest, message: "Instance .* is locked"}
                  - request: {path: /v2.1/servers}
                    expect: {fault: itemNotFound}
                """);
        Outcome outcome = run("run", file.toString());

        assertThat(outcome.out()).contains("expect fault itemNotFound: PASS",
                "expect message ~ Instance nope could not be found.: PASS",
                "expect message ~ Port nope could not be found\\.?: PASS",
                "expect fault NeutronError: PASS",
                "expect fault conflictingRequest (was itemNotFound): FAIL",
                "expect message ~ Instance .* is locked (was Instance nope could not be found.): FAIL",
                "expect fault itemNotFound (no fault in the body): FAIL");
        // A refusal's line names its id first, then the rule behind it.
        assertThat(outcome.out()).contains("] [INSTANCE_NOT_FOUND] GET /v2.1/servers/nope refused: ",
                "] [NEUTRON_PORT_NOT_FOUND] GET /network/v2.0/ports/nope refused: ");
        assertThat(outcome.exit()).isEqualTo(1);
        Files.writeString(file, "steps:\n  - request: {path: /}\n    expect: {message: \"(unclosed\"}\n");
        Outcome invalid = run("run", file.toString());
        assertThat(invalid.exit()).isEqualTo(3);
        assertThat(invalid.err()).contains("steps[0].expect.message: not a regular expression");
    }

    @Test
    void untilAsksAgainOnVirtualTimeUntilItHoldsOrTheBoundPasses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wait.yaml");
        Files.writeString(file, BOOT_A_SERVER + """
                  - name: wait for ACTIVE
                    request: {path: "/v2.1/servers/${server}"}
                    until: {status: 200, json: {/server/status: ACTIVE}}
                    within: 1m
                    expect: {json: {/server/OS-EXT-STS:task_state: null}}
                  - name: wait for what never comes
                    request: {path: "/v2.1/servers/${server}"}
                    until: {json: {/server/status: SHUTOFF}}
                    within: 10s
                    every: 3s
                """);
        Outcome outcome = run("run", file.toString());
        String out = outcome.out();

        assertThat(out).contains("(again every 1s until it holds, within 1m)",
                "expect until status 200: PASS", "expect until /server/status = \"ACTIVE\": PASS",
                "expect /server/OS-EXT-STS:task_state = null: PASS",
                "expect until /server/status = \"SHUTOFF\" (was \"ACTIVE\"): FAIL");
        assertThat(out).containsPattern("\\] [2-9] requests\n");
        // The hopeless wait asks at 0, 3, 6 and 9 seconds and stops before passing its 10 s bound.
        assertThat(out).contains("] 4 requests\n");
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(run("run", file.toString()).out()).isEqualTo(out);

        Files.writeString(file, "steps:\n  - request: {path: /}\n    until: {status: 200}\n");
        assertThat(run("run", file.toString()).err()).contains("steps[0]: until needs within");
        Files.writeString(file, "steps:\n  - advance: 1s\n    until: {status: 200}\n    within: 1s\n");
        assertThat(run("run", file.toString()).err()).contains("steps[0]: expect, until and save belong");
        Files.writeString(file, "steps:\n  - request: {path: /}\n    until: {status: 200}\n    within: 0s\n");
        assertThat(run("run", file.toString()).err()).contains("within and every are positive durations");
    }

    @Test
    void namedOperationsAreSentAsTheRequestsANovaClientSends(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("operations.yaml");
        Files.writeString(file, BOOT_A_SERVER + """
                  - request: {path: "/v2.1/servers/${server}"}
                    until: {json: {/server/status: ACTIVE}}
                    within: 1m
                  - request: {path: "/v2.1/servers/${server}/os-interface"}
                    save: {port: /interfaceAttachments/0/port_id}
                  - operation: {name: stop, server: "${server}"}
                    expect: {status: 202}
                  - operation: {name: reboot, server: "${server}"}
                    expect:
                      status: 409
                      fault: conflictingRequest
                      message: "Cannot 'reboot' .* task_state powering-off"
                  - operation: {name: detach-interface, server: "${server}", port: "${port}"}
                    expect: {status: 409}
                  - operation: {name: detach-volume, server: "${server}", volume: no-such-volume}
                    expect: {status: 404}
                """);
        Outcome outcome = run("run", file.toString());

        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).contains("-> POST /v2.1/servers/df7d3b77-de80-49a0-93d4-f99f5aa528fb/action "
                        + "{\"os-stop\":null}\n",
                "-> POST /v2.1/servers/df7d3b77-de80-49a0-93d4-f99f5aa528fb/action {\"reboot\":{\"type\":\"SOFT\"}}\n",
                "-> DELETE /v2.1/servers/df7d3b77-de80-49a0-93d4-f99f5aa528fb/os-volume_attachments/no-such-volume\n",
                "PASSED: 7 of 7 expectations met");
        assertThat(outcome.exit()).isZero();

        Files.writeString(file, "steps:\n  - operation: {name: detach-volume, server: x}\n");
        Outcome invalid = run("run", file.toString());
        assertThat(invalid.exit()).isEqualTo(3);
        assertThat(invalid.err()).contains("steps[0].operation: needs volume");
        Files.writeString(file, "steps:\n  - operation: {name: levitate, server: x}\n");
        assertThat(run("run", file.toString()).err()).contains("needs name: one of attach-interface, attach-volume,");
    }

    @Test
    void anInvalidFileExits3WithTheFieldPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                steps:
                  - request: {path: /v2.1/servers}
                  - request: {path: /v2.1/servers}
                    expect: {stauts: 200}
                """);
        Outcome outcome = run("run", file.toString());
        assertThat(outcome.exit()).isEqualTo(3);
        assertThat(outcome.err()).contains("steps[1].expect.stauts").contains("line 4");
        Files.writeString(file, "steps:\n  - advance: soon\n");
        assertThat(run("run", file.toString()).err()).contains("steps[0].advance");
    }

    /**
     * The file is read while it runs: what comes after the steps still counts, and an invalid step anywhere is reported
     * as an invalid file, even when an earlier step failed to run first.
     */
    @Test
    void aFileReadWhileItRunsMeansWhatItSays(@TempDir Path dir) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            lines.append("  - {request: {path: /v2.1/servers}, expect: {status: 200}}\n");
        }
        String many = "steps:\n" + lines;
        Path late = dir.resolve("late.yaml");
        Files.writeString(late, many + "seed: 9\ndescription: the seed comes last\n");
        Path early = dir.resolve("early.yaml");
        Files.writeString(early, "seed: 9\ndescription: the seed comes last\n" + many);
        Outcome lateRun = run("run", late.toString());
        assertThat(lateRun.exit()).as(lateRun.err()).isZero();
        assertThat(lateRun.out()).contains("(seed 9)", "PASSED: 3000 of 3000")
                .isEqualTo(run("run", early.toString()).out().replace("early.yaml", "late.yaml"));

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "steps:\n  - {request: {path: '/v2.1/servers/${never-saved}'}}\n" + lines
                + "  - {request: {path: /v2.1/servers}, expect: {stauts: 200}}\n");
        Outcome outcome = run("run", broken.toString());
        assertThat(outcome.exit()).isEqualTo(3);
        assertThat(outcome.err()).contains("steps[3001].expect.stauts").doesNotContain("never-saved");
    }

    @Test
    void aJsonFileIsReadAsJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, "{\"seed\": 1, \"steps\": [{\"request\": {\"path\": \"/v2.1/servers\"},"
                + " \"expect\": {\"status\": 200}}]}");
        Outcome outcome = run("run", file.toString());
        assertThat(outcome.out()).contains("PASSED: 1 of 1");
        Files.writeString(file, "{\"steps\": [}");
        Outcome invalid = run("run", file.toString());
        assertThat(invalid.exit()).isEqualTo(3);
        assertThat(invalid.err()).contains("scenario.json, line 1", "Unexpected close marker");
    }

    @Test
    void aMissingFileArgumentIsAUsageError() {
        assertThat(run("run").exit()).isEqualTo(2);
    }
}
