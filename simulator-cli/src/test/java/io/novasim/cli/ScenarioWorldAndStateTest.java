package io.novasim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.novasim.cli.RunCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Scenarios that start from a preset or a world of their own, speak a dialect, and check the simulator's state. */
@Timeout(60)
class ScenarioWorldAndStateTest {

    @Test
    void aWorldIsBuiltBeforeTheFirstStepWithItsIdsSaved(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                world:
                  ports: [{name: p1, network: private}]
                  servers:
                    - {name: node, count: 3}
                    - {name: paused, state: paused, locked: true}
                    - {name: gone-wrong, state: error}
                    - {name: shelf, state: shelved_offloaded}
                    - {name: data, volumes: [data-1, shared-data]}
                steps:
                  - check:
                      servers:
                        node-1: {status: ACTIVE}
                        node-3: {status: ACTIVE}
                        paused: {status: PAUSED, locked: true}
                        gone-wrong: {vm_state: error}
                        shelf: {status: SHELVED_OFFLOADED}
                      volumes:
                        data-1: {status: in-use}
                        shared-data: {status: in-use, attachments: 1}
                      ports: {p1: {status: DOWN}}
                  - request: {path: "/v2.1/servers/${server.node-2}"}
                    expect: {status: 200, json: {/server/name: node-2}}
                  - request: {path: "/network/v2.0/ports/${port.p1}"}
                    expect: {status: 200, json: {/port/name: p1}}
                  - operation: {name: pause, server: "${server.paused}"}
                    expect: {status: 409, message: "Instance .* is locked"}
                """);
        RunCommandTest.Outcome outcome = run("run", file.toString());

        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).contains("world: 1 port, 7 servers made before the first step",
                "* server paused (", "PASSED: 16 of 16");
        assertThat(outcome.exit()).isZero();
    }

    @Test
    void aFailedStateExpectationSaysWhatWasThere(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                preset: baremetal
                steps:
                  - check:
                      servers: {bm-1: {status: SHUTOFF}, nobody: {status: ACTIVE}}
                      actions: {bm-1: {action: reboot}}
                      faults_fired: 2
                """);
        RunCommandTest.Outcome outcome = run("run", file.toString());

        assertThat(outcome.out()).contains("expect server bm-1 status = \"SHUTOFF\" (was \"ACTIVE\"): FAIL",
                "expect server nobody status = \"ACTIVE\" (no server nobody): FAIL",
                "expect newest reboot of bm-1 exists (there is none): FAIL",
                "expect faults_fired 2 (was 0): FAIL", "FAILED: 0 of 4");
        assertThat(outcome.exit()).isEqualTo(1);
    }

    @Test
    void namedOperationsSpeakTheScenariosDialect(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                dialect: hostway
                preset: web-tier
                steps:
                  - operation: {name: detach-volume, server: "${server.db}", volume: "${volume.data-1}"}
                    expect: {status: 204}
                  - operation: {name: detach-volume, server: "${server.db}", volume: "${volume.data-1}",
                                dialect: ecl-compute}
                    expect: {status: 400}
                  - operation: {name: stop, server: "${server.web-1}", dialect: nova}
                    expect: {status: 202}
                """);
        RunCommandTest.Outcome outcome = run("run", file.toString());

        assertThat(outcome.out()).contains("(seed 1, dialect hostway)",
                "demo -> DELETE /hostway/servers/", "demo -> DELETE /ecl/compute/v2/6f70656e737461636b20342065766572/"
                        + "servers/", "demo -> POST /v2.1/servers/", "PASSED: 3 of 3");
        assertThat(outcome.exit()).isZero();
    }

    @Test
    void timingsSetHowLongWorkTakes(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                preset: web-tier
                timings: {detach-volume: 30s}
                steps:
                  - operation: {name: detach-volume, server: "${server.db}", volume: "${volume.data-1}"}
                  - advance: 29s
                  - check: {volumes: {data-1: {status: detaching}}}
                  - advance: 1s
                  - check: {volumes: {data-1: {status: available}}}
                """);
        RunCommandTest.Outcome outcome = run("run", file.toString());
        assertThat(outcome.out()).contains("PASSED: 2 of 2");
    }

    @Test
    void aReclaimIntervalMakesDeletesSoftAndRestorable(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                preset: web-tier
                timings: {reclaim_instance_interval: 1h}
                steps:
                  - operation: {name: delete, server: "${server.web-1}"}
                    expect: {status: 204}
                  - advance: 2s
                  - check: {servers: {web-1: {vm_state: soft-delete, task_state: null}}}
                  - operation: {name: restore, server: "${server.web-1}"}
                    expect: {status: 202}
                  - advance: 2s
                  - check: {servers: {web-1: {vm_state: active}}}
                  - operation: {name: delete, server: "${server.web-2}"}
                  - advance: 1h
                  - check: {servers: {web-2: {vm_state: soft-delete}}}
                  - advance: 2s
                  - request: {path: "/v2.1/servers/${server.web-2}"}
                    expect: {status: 404}
                """);
        RunCommandTest.Outcome outcome = run("run", file.toString());
        assertThat(outcome.out()).contains("PASSED: 7 of 7");
    }

    @Test
    void jsonReportHoldsEveryEntry(@TempDir Path dir) throws IOException {
        Path file = write(dir, """
                preset: web-tier
                steps:
                  - operation: {name: reboot, server: "${server.web-1}"}
                    expect: {status: 202}
                  - advance: 1m
                  - check: {servers: {web-1: {task_state: "nope"}}}
                """);
        Path report = dir.resolve("report.json");
        RunCommandTest.Outcome outcome = run("run", "--json", report.toString(), file.toString());

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("passed").asBoolean(true)).isFalse();
        assertThat(json.path("expectations").asInt()).isEqualTo(2);
        assertThat(json.path("failures").asInt()).isEqualTo(1);
        assertThat(json.path("seed").asLong()).isEqualTo(1);
        assertThat(json.path("entries")).anySatisfy(entry -> {
            assertThat(entry.path("kind").asText()).isEqualTo("server");
            assertThat(entry.path("subject").asText()).isEqualTo("web-1");
            assertThat(entry.path("fields").path("task_state").asText()).isEqualTo("rebooting");
        });
        assertThat(json.path("entries")).anySatisfy(entry -> assertThat(entry.path("kind").asText())
                .isEqualTo("fail"));
        assertThat(json.path("entries")).as("an answer's status, for machines").anySatisfy(entry -> {
            assertThat(entry.path("kind").asText()).isEqualTo("answer");
            assertThat(entry.path("fields").path("status").asText()).isEqualTo("202");
        });
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(run("run", "--color", "always", file.toString()).out()).contains("\u001B[32m    expect status 202");
        assertThat(outcome.out()).doesNotContain("\u001B[");
    }

    @Test
    void aBadStartIsAnInvalidScenario(@TempDir Path dir) throws IOException {
        assertInvalid(dir, "preset: moon\n", "preset: one of demo, web-tier, baremetal (was moon)");
        assertInvalid(dir, "preset: demo\nworld: {}\n", "preset and world");
        assertInvalid(dir, "world: {servers: [{name: a, state: floating}]}\n", "world.servers[0].state: one of");
        assertInvalid(dir, "world: {setup: {flavors: [{id: x}]}}\n", "world.setup.flavors[0].");
        assertInvalid(dir, "world: {setup: no-such-file.yaml}\n", "world.setup: no such file");
        assertInvalid(dir, "dialect: klingon\n", "dialect: one of [nova, ecl-compute, ecl-baremetal, hostway]");
        assertInvalid(dir, "timings: {teleport: 1s}\n", "timings.teleport: not an operation");
        assertInvalid(dir, "timings: {reclaim_instance_interval: 0}\n", "timings.reclaim_instance_interval: more "
                + "than 0");
        assertInvalid(dir, "steps: [{check: {servers: {web: {vm_sate: active}}}}]\n",
                "steps[0].check.servers.web.vm_sate: not a field");
        assertInvalid(dir, "steps: [{check: {status: 200}}]\n", "steps[0].check: a check reads the state");
        assertInvalid(dir, "world: {servers: [{name: a, image: nothing}]}\n", "world: no image nothing");
        assertInvalid(dir, "world: {servers: [{name: a, flavor: '99'}]}\n", "world: POST /v2.1/servers");
        assertInvalid(dir, "world: {servers: [{name: web, count: 2}, {name: web-2}]}\n",
                "world.servers[1].name: a second server named web-2");
    }

    private static void assertInvalid(Path dir, String yaml, String message) throws IOException {
        Path file = write(dir, yaml);
        RunCommandTest.Outcome outcome = run("run", file.toString());
        assertThat(outcome.err()).as(yaml).contains(message);
        assertThat(outcome.exit()).as(yaml).isEqualTo(3);
    }

    private static Path write(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("scenario.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
