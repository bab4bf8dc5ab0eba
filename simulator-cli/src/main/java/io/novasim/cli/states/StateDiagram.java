package io.novasim.cli.states;

import io.novasim.model.error.Refusal;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.VmStateGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders transition rules as text, a Mermaid state diagram or Graphviz DOT. Everything printed is read from the
 * rules, so the picture cannot disagree with what the engine does.
 */
public final class StateDiagram {
    /** The output formats of {@code novasim states}. */
    public enum Format { TEXT, MERMAID, DOT }

    private static final String SERVER = "<server-id>";

    private final List<TransitionRule> rules;

    /** @param rules the rules to draw, in the order they are listed */
    public StateDiagram(List<TransitionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The command-line name of an operation: {@code DETACH_VOLUME} is {@code detach-volume}. */
    public static String name(Operation operation) {
        return VmStateGraph.name(operation);
    }

    /** @return the rules drawn in {@code format}, ending with a newline */
    public String render(Format format) {
        return switch (format) {
            case TEXT -> text();
            case MERMAID -> mermaid();
            case DOT -> dot();
        };
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (TransitionRule rule : rules) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(name(rule.operation())).append(rule.asynchronous() ? " (asynchronous)" : " (synchronous)")
                    .append('\n');
            out.append("  accepted in  vm_state ").append(anyOr(rule.allowedVmStates(), VmState::value))
                    .append(", task_state ").append(anyOr(rule.allowedTaskStates(), TaskState::toString)).append('\n');
            if (rule.adminPolicy() != null) {
                out.append("  admin only   ").append(rule.adminPolicy().refusal().getMessage())
                        .append(" (403 otherwise)\n");
            }
            if (!rule.phases().isEmpty()) {
                out.append("  task_states  ").append(rule.phases().stream().map(TaskState::value)
                        .collect(Collectors.joining(" -> "))).append(" -> None\n");
            }
            out.append("  ends         vm_state ").append(rule.endVmState() == null ? "unchanged"
                            : rule.endVmState().value())
                    .append(", power_state ").append(rule.endPowerState() == null ? "unchanged"
                            : rule.endPowerState().name()).append('\n');
            if (rule.failedVmState() != null) {
                out.append("  on failure   vm_state ").append(rule.failedVmState().value()).append('\n');
            }
            for (String refusal : refusals(rule)) {
                out.append("  409          ").append(refusal).append('\n');
            }
        }
        return out.toString();
    }

    /** The refusals in the order the gate checks them, with the texts Nova answers. */
    private static List<String> refusals(TransitionRule rule) {
        List<String> refusals = new ArrayList<>();
        if (rule.checksLock()) {
            refusals.add(Refusal.INSTANCE_LOCKED.message(SERVER) + " (locked, caller not admin)");
        }
        if (rule.checksHost()) {
            refusals.add(Refusal.INSTANCE_NOT_READY.message(SERVER) + " (on no host)");
        }
        if (rule.allowedVmStates() != null) {
            refusals.add(Refusal.INSTANCE_INVALID_STATE.message(rule.action(), SERVER, "vm_state", "<vm_state>"));
        }
        if (rule.allowedTaskStates() != null) {
            refusals.add(Refusal.INSTANCE_INVALID_STATE.message(rule.action(), SERVER, "task_state", "<task_state>"));
        }
        if (rule.mustHaveLaunched()) {
            refusals.add(Refusal.INSTANCE_NOT_LAUNCHED.message(SERVER, rule.action())
                    + " (never launched)");
        }
        return refusals;
    }

    private String mermaid() {
        return graph("stateDiagram-v2\n", "%%", edge -> mermaidState(edge.from()) + " --> "
                + mermaidState(edge.to()) + " : " + edge.label(), "");
    }

    private static String mermaidState(String state) {
        return state.equals("*") ? "[*]" : state.replace('-', '_');
    }

    private String dot() {
        return graph("digraph vm_states {\n    rankdir=LR;\n    node [shape=box];\n", "//",
                edge -> dotState(edge.from()) + " -> " + dotState(edge.to()) + " [label=\"" + edge.label() + "\"];",
                "}\n");
    }

    /** A header, a comment naming what was left out, one indented line per edge, a footer. */
    private String graph(String header, String comment, Function<VmStateGraph.Edge, String> line, String footer) {
        VmStateGraph graph = VmStateGraph.of(rules);
        StringBuilder out = new StringBuilder(header);
        if (!graph.leftOut().isEmpty()) {
            out.append("    ").append(comment).append(' ').append(String.join(", ", graph.leftOut()))
                    .append(" keep the vm_state: see --format text").append('\n');
        }
        for (VmStateGraph.Edge edge : graph.edges()) {
            out.append("    ").append(line.apply(edge)).append('\n');
        }
        return out.append(footer).toString();
    }

    private static String dotState(String state) {
        return "\"" + (state.equals("*") ? "start" : state) + "\"";
    }

    private static <T> String anyOr(Set<T> states, Function<T, String> spelling) {
        return states == null ? "any" : states.stream().map(spelling).collect(Collectors.joining(" | "));
    }

}
