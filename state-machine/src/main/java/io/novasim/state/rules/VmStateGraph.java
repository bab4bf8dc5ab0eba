package io.novasim.state.rules;

import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The vm_state machine as a graph, drawn from transition rules: one edge per vm_state an operation is accepted in,
 * to the vm_state it ends in (a loop when it keeps it), and one to its failure state. {@code novasim states} draws it,
 * and the web console highlights each server's state on it.
 *
 * @param edges    the edges, rule by rule
 * @param leftOut  the operations left out of a whole machine because they keep the vm_state, by name
 */
public record VmStateGraph(List<Edge> edges, List<String> leftOut) {
    /** Where a create comes from: nothing. */
    public static final String START = "*";

    public VmStateGraph {
        edges = List.copyOf(edges);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * An edge of the machine.
     *
     * @param from  a vm_state's wire value, or {@link #START}
     * @param to    a vm_state's wire value
     * @param label the operation's name, with its task_states (e.g. {@code stop [powering-off]}), or
     *              {@code NAME fails}
     */
    public record Edge(String from, String to, String label) {
    }

    /** The graph of every rule of the table. */
    public static VmStateGraph of() {
        return of(TransitionTable.rules());
    }

    /**
     * The graph of these rules: of one rule, all of it; of several, only those that can change the vm_state (the
     * others are named in {@link #leftOut}). An operation accepted in any vm_state starts from every state a server
     * can be in; create starts from {@link #START}.
     */
    public static VmStateGraph of(List<TransitionRule> rules) {
        List<TransitionRule> drawn = rules.size() == 1 ? rules
                : rules.stream().filter(VmStateGraph::changesVmState).toList();
        List<Edge> edges = new ArrayList<>();
        for (TransitionRule rule : drawn) {
            String label = name(rule.operation()) + (rule.phases().isEmpty() ? ""
                    : " [" + rule.phases().stream().map(TaskState::value).collect(Collectors.joining(", ")) + "]");
            for (String from : sources(rule)) {
                String to = rule.endVmState() == null ? from : rule.endVmState().value();
                edges.add(new Edge(from, to, label));
                if (rule.failedVmState() != null) {
                    edges.add(new Edge(from, rule.failedVmState().value(), name(rule.operation()) + " fails"));
                }
            }
        }
        List<String> leftOut = rules.stream().filter(rule -> !drawn.contains(rule))
                .map(rule -> name(rule.operation())).toList();
        return new VmStateGraph(edges, leftOut);
    }

    /** An operation's name: {@code detach-volume}. */
    public static String name(Operation operation) {
        return operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean changesVmState(TransitionRule rule) {
        return rule.endVmState() != null || rule.failedVmState() != null;
    }

    private static List<String> sources(TransitionRule rule) {
        if (rule.operation() == Operation.CREATE) {
            return List.of(START);
        }
        Set<VmState> accepted = rule.allowedVmStates() != null ? rule.allowedVmStates()
                : EnumSet.complementOf(EnumSet.of(VmState.DELETED));
        return accepted.stream().map(VmState::value).toList();
    }
}
