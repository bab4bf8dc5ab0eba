package io.novasim.cli;

import io.novasim.cli.states.StateDiagram;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StatesCommandTest {
    @Test
    void textSpellsOutAnOperationsGateAndEffectsWithNovasTexts() {
        Cli cli = Cli.run("states", "--operation", "stop");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).isEqualTo("""
                stop (asynchronous)
                  accepted in  vm_state active | error, task_state None
                  task_states  powering-off -> None
                  ends         vm_state stopped, power_state SHUTDOWN
                  409          Instance <server-id> is locked (locked, caller not admin)
                  409          Instance <server-id> is not ready (on no host)
                  409          Cannot 'stop' instance <server-id> while it is in vm_state <vm_state>
                  409          Cannot 'stop' instance <server-id> while it is in task_state <task_state>
                  409          Instance <server-id> is in an invalid state for 'stop' (never launched)
                """);
    }

    @Test
    void textListsEveryOperationOfTheTable() {
        String text = Cli.run("states").out.toString();

        for (TransitionRule rule : TransitionTable.rules()) {
            assertThat("\n" + text).contains("\n" + StateDiagram.name(rule.operation()) + " (");
        }
        assertThat(text).startsWith("create (asynchronous)\n");
    }

    @Test
    void mermaidDrawsEveryVmStateChangeOfTheTable() {
        Cli cli = Cli.run("states", "--format", "mermaid");
        String diagram = cli.out.toString();

        assertThat(cli.exitCode).isZero();
        assertThat(diagram).startsWith("stateDiagram-v2\n")
                .contains("    [*] --> active : create [scheduling, block_device_mapping, networking, spawning]\n",
                        "    [*] --> error : create fails\n",
                        "    active --> stopped : stop [powering-off]\n",
                        "    stopped --> active : start [powering-on]\n",
                        "    shelved --> shelved_offloaded : shelve-offload [shelving_offloading]\n")
                .contains("    active --> soft_delete : soft-delete [soft-deleting]\n",
                        "    soft_delete --> active : restore [restoring]\n")
                // a state's id has no dash (Mermaid would split it); a label may
                .doesNotContain("soft-delete -->", "--> soft-delete", " : lock\n");
        for (TransitionRule rule : TransitionTable.rules()) {
            if (rule.endVmState() != null) {
                assertThat(diagram).contains(" --> " + rule.endVmState().value().replace('-', '_') + " : "
                        + StateDiagram.name(rule.operation()));
            }
        }
        List<String> lines = diagram.lines().skip(1).toList();
        Pattern edge = Pattern.compile(" {4}(%% .*|(\\[\\*]|[a-z_]+) --> [a-z_]+ : [a-z-]+( fails| \\[[a-z_, -]+])?)");
        assertThat(lines).allMatch(line -> edge.matcher(line).matches());
    }

    @Test
    void dotIsAGraphvizDigraphAndAnOperationDrawsItsLoops() {
        Cli cli = Cli.run("states", "--format", "DOT", "--operation", "detach_volume");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out.toString()).startsWith("digraph vm_states {\n").endsWith("}\n")
                .contains("    \"active\" -> \"active\" [label=\"detach-volume\"];\n");
    }

    @Test
    void anUnknownOperationOrFormatIsAUsageErrorThatListsTheChoices() {
        Cli unknownOperation = Cli.run("states", "--operation", "levitate");
        Cli unknownFormat = Cli.run("states", "--format", "svg");

        assertThat(unknownOperation.exitCode).isEqualTo(2);
        assertThat(unknownOperation.err.toString()).contains("Unknown operation 'levitate'", "detach-volume",
                "media-attach");
        assertThat(unknownOperation.out.toString()).isEmpty();
        assertThat(unknownFormat.exitCode).isEqualTo(2);
        assertThat(unknownFormat.err.toString()).contains("Unknown format 'svg': use text, mermaid or dot.");
    }
}
