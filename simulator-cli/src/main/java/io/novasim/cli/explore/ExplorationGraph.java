package io.novasim.cli.explore;

import io.novasim.state.explore.Exploration;

import java.util.HashSet;
import java.util.Set;

/**
 * The reachable state graph as DOT (Graphviz) and Mermaid: a node per state (its canonical form as the label), an
 * edge per accepted step, and a dashed loop per refused step, labelled with its status. States that break an
 * invariant are drawn red.
 */
final class ExplorationGraph {
    private ExplorationGraph() {
    }

    static void dot(Exploration found, Appendable out) throws java.io.IOException {
        Set<Integer> broken = broken(found);
        out.append("digraph explore {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\", fontsize=10];\n"
                + "  edge [fontsize=9];\n");
        for (Exploration.State state : found.states()) {
            out.append("  s").append(String.valueOf(state.id())).append(" [label=\"").append(dotText(state.form()))
                    .append('"');
            if (state.id() == 0) {
                out.append(", penwidth=2");
            }
            if (broken.contains(state.id())) {
                out.append(", color=red, fontcolor=red");
            }
            out.append("];\n");
        }
        for (Exploration.Transition t : found.transitions()) {
            out.append("  s").append(String.valueOf(t.from())).append(" -> s").append(String.valueOf(t.to())).append(" [label=\"")
                    .append(dotText(t.step().label() + (t.refused() ? " " + status(t) : ""))).append('"')
                    .append(t.refused() ? ", style=dashed, color=gray50, fontcolor=gray50" : "").append("];\n");
        }
        out.append("}\n");
    }

    static void mermaid(Exploration found, Appendable out) throws java.io.IOException {
        Set<Integer> broken = broken(found);
        out.append("flowchart LR\n");
        for (Exploration.State state : found.states()) {
            out.append("  s").append(String.valueOf(state.id())).append("[\"").append(mermaidText(state.form())).append("\"]\n");
        }
        for (Exploration.Transition t : found.transitions()) {
            String label = mermaidText(t.step().label() + (t.refused() ? " " + status(t) : ""));
            out.append("  s").append(String.valueOf(t.from())).append(t.refused() ? " -.->|" : " -->|").append(label).append("| s")
                    .append(String.valueOf(t.to())).append('\n');
        }
        out.append("  classDef broken stroke:#c00,color:#c00\n");
        for (int id : broken) {
            out.append("  class s").append(String.valueOf(id)).append(" broken\n");
        }
    }

    /** The refusal's status: {@code 409}. */
    static String status(Exploration.Transition t) {
        return t.refusal().substring(0, t.refusal().indexOf(' '));
    }

    private static Set<Integer> broken(Exploration found) {
        Set<Integer> ids = new HashSet<>();
        found.violations().forEach(v -> ids.add(v.state()));
        return ids;
    }

    private static String dotText(String text) {
        return text.strip().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\l") + (text.contains("\n")
                ? "\\l" : "");
    }

    private static String mermaidText(String text) {
        return text.strip().replace("\"", "#quot;").replace("|", "#124;").replace("\n", "<br/>");
    }
}
