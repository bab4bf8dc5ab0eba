package io.novasim.cli.states;

import io.novasim.cli.Version;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code novasim states}: the vm_state / task_state machine, drawn from the core's transition table. */
@Command(name = "states", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Print the vm_state / task_state machine and each operation's preconditions and effects, "
                + "generated from the simulator's own rules.")
public final class StatesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, mermaid or dot (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--operation", paramLabel = "NAME",
            description = "Only this operation, e.g. stop, reboot-hard, detach-volume, media-attach.")
    String operation;

    @Override
    public Integer call() {
        StateDiagram.Format chosen = parseFormat();
        List<TransitionRule> rules = operation == null ? TransitionTable.rules()
                : List.of(TransitionTable.rule(parseOperation()));
        spec.commandLine().getOut().print(new StateDiagram(rules).render(chosen));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private StateDiagram.Format parseFormat() {
        try {
            return StateDiagram.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Unknown format '" + format + "': use text, mermaid or dot.");
        }
    }

    private Operation parseOperation() {
        List<Operation> drawn = TransitionTable.rules().stream().map(TransitionRule::operation).toList();
        return drawn.stream()
                .filter(op -> StateDiagram.name(op).equalsIgnoreCase(operation.replace('_', '-')))
                .findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "Unknown operation '" + operation
                        + "'. Operations: " + drawn.stream().map(StateDiagram::name)
                        .collect(Collectors.joining(", "))));
    }
}
