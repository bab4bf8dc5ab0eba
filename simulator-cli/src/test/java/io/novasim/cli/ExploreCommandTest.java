package io.novasim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code novasim explore}: the default world, each format, and bad input with its exit code. */
class ExploreCommandTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultWorldKeepsEveryInvariantAndTheSummarySaysWhatWasExplored() {
        Cli cli = Cli.run("explore", "--depth", "3", "--violations", dir.toString());

        assertThat(cli.exitCode).as(cli.err.toString()).isZero();
        String out = cli.out.toString();
        assertThat(out).startsWith("novasim explore: 1 server, 1 port, 1 volume, 1 medium; 10 operations "
                + "(attach-interface, detach-interface, attach-volume, detach-volume, media-attach, media-detach, "
                + "reboot-soft, stop, start, delete); faults fail, stuck; depth 3\n");
        assertThat(out).contains("states by distance from the start: 1, 17, 95, 395\n")
                .contains("  held   a volume is in-use exactly when an attachment lists it\n")
                .contains("PASSED: no invariant broken\n")
                .contains("state 0 (the start)\n    web active/-/running\n    port extra DOWN\n")
                .contains("  start refused: 409 conflictingRequest: Cannot 'start' instance ");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theLifecycleAsAPageForLearnersShowsEveryEdgeAndEveryRefusalsText() throws Exception {
        Path page = dir.resolve("lifecycle.html");
        Cli cli = Cli.run("explore", "--operations", "stop,start,reboot,pause,unpause", "--faults", "none",
                "--format", "html", "-o", page.toString());

        assertThat(cli.exitCode).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("written: " + page).contains("the world is exhausted");
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("src=", "href=\"http")
                .contains("state 0 (the start)")
                .contains("start refused: 409 conflictingRequest: Cannot 'start' instance")
                .contains("unpause refused: 409 conflictingRequest: Cannot 'unpause' instance")
                .contains("POST /v2.1/servers/").contains("{\"os-stop\":null} \u2192 202");
    }

    /** The page the README links for learners is what the command writes today: regenerate it when this fails. */
    @Test
    void theServerLifecyclePageOfTheReadmeIsCurrent() throws Exception {
        Path page = dir.resolve("server-lifecycle.html");
        Cli cli = Cli.run("explore", "--operations", "stop,start,reboot,pause,unpause", "--faults", "none",
                "--format", "html", "-o", page.toString());

        assertThat(cli.exitCode).isZero();
        assertThat(Files.readString(page)).as("docs/server-lifecycle.html is stale: regenerate it with "
                + "./novasim explore --operations stop,start,reboot,pause,unpause --faults none --format html "
                + "-o docs/server-lifecycle.html").isEqualTo(Files.readString(Path.of("..", "docs",
                "server-lifecycle.html")));
    }

    @Test
    void dotMermaidAndJsonDrawTheSameGraph() throws Exception {
        Cli dot = Cli.run("explore", "--operations", "stop,start", "--faults", "none", "--format", "dot");
        Cli mermaid = Cli.run("explore", "--operations", "stop,start", "--faults", "none", "--format", "mermaid");
        Cli json = Cli.run("explore", "--operations", "stop,start", "--faults", "none", "--format", "json");

        assertThat(dot.exitCode).isZero();
        assertThat(dot.out.toString()).startsWith("digraph explore {").contains("s0 -> s1 [label=\"stop\"]");
        assertThat(dot.err.toString()).contains("PASSED").contains("explored in ");
        assertThat(mermaid.out.toString()).startsWith("flowchart LR\n").contains("  s0 -->|stop| s1\n")
                .contains(" -.->|start 409| s0\n");
        JsonNode graph = new ObjectMapper().readTree(json.out.toString());
        assertThat(graph.get("exhausted").asBoolean()).isTrue();
        assertThat(graph.get("states").size()).isEqualTo(count(dot.out.toString(), "[label=\"web"));
        assertThat(graph.get("transitions").get(0).get("request").asText()).startsWith("POST /v2.1/servers/")
                .endsWith("/action {\"os-stop\":null}");
        assertThat(graph.get("transitions").get(0).get("answer").asText()).isEqualTo("202");
    }

    @Test
    void anUnknownOperationOrFaultOrADepthOutOfRangeIsAUsageErrorNamingWhatIsAccepted() {
        Cli operation = Cli.run("explore", "--operations", "stop,fly");
        Cli fault = Cli.run("explore", "--faults", "meteor");
        Cli deep = Cli.run("explore", "--depth", "13");
        Cli format = Cli.run("explore", "--format", "png");

        assertThat(operation.exitCode).isEqualTo(2);
        assertThat(operation.err.toString()).contains("Unknown operation 'fly'. Operations: delete, stop, start, "
                + "reboot-soft, reboot-hard, pause,").contains("detach-volume", "media-detach, reboot\n");
        assertThat(fault.exitCode).isEqualTo(2);
        assertThat(fault.err.toString()).contains("Unknown fault 'meteor'. Faults: error, fail, stuck, delay");
        assertThat(deep.exitCode).isEqualTo(2);
        assertThat(deep.err.toString()).contains("--depth must be 1 to 12, not 13");
        assertThat(format.exitCode).isEqualTo(2);
        assertThat(format.err.toString()).contains("use text, dot, mermaid, json or html");
    }

    @Test
    void aWorldFileThatDoesNotParseIsExit3WithTheFieldPath() throws Exception {
        Path world = dir.resolve("world.yaml");
        Files.writeString(world, "seed: 1\nworld:\n  servers:\n    - {name: web, flavour: \"1\"}\n");

        Cli cli = Cli.run("explore", "--world", world.toString());

        assertThat(cli.exitCode).isEqualTo(3);
        assertThat(cli.err.toString()).contains("novasim: invalid world: ").contains("world.servers[0].flavour");
    }

    @Test
    void aWorldFileOfAScenarioIsExploredFromItsWorld() throws Exception {
        Path world = dir.resolve("world.yaml");
        Files.writeString(world, "seed: 3\npreset: web-tier\nsteps: []\n");

        Cli cli = Cli.run("explore", "--world", world.toString(), "--operations", "stop", "--faults", "none",
                "--depth", "2");

        assertThat(cli.exitCode).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("novasim explore: 4 servers, 1 port, 2 volumes, 1 medium; "
                + "1 operation (stop)").contains("stop batch refused: 409");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
