package io.novasim.cli.explore;

import io.novasim.report.Markup;
import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The exploration as one self-contained page for learners: the summary and invariants, each violation with its trace,
 * a drawing of the state graph when it is small enough to read, and a card per state with every step from it: where
 * an accepted one leads, and what a refused one answers, each with the request a client sends. Nothing is loaded
 * from the network.
 */
final class ExplorationHtml {
    /** More states than this are listed, not drawn: a drawing of hundreds of states helps nobody. */
    private static final int DRAWN_STATES = 60;
    private static final int COLUMN = 300;
    private static final int ROW = 74;

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#212529;margin:24px;max-width:1300px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
            .facts{color:#495057}.ok{color:#2b8a3e}.bad{color:#c92a2a;font-weight:bold}
            pre{font:12px/1.4 monospace;margin:4px 0;white-space:pre-wrap}
            section.state{border:1px solid #dee2e6;border-radius:4px;padding:6px 12px;margin:10px 0}
            section.state:target{background:#fff9db}section.state.broken{border-color:#ffa8a8;background:#fff5f5}
            section.state h3{font-size:14px;margin:2px 0}
            ul.steps{list-style:none;padding-left:0;margin:4px 0}ul.steps li{margin:3px 0}
            .req{font:12px monospace;color:#495057;word-break:break-all}
            .refused{color:#b35c00}.allowed{color:#0b7285}
            .scroll{overflow-x:auto;border:1px solid #dee2e6;padding:4px}
            svg text{font:10px monospace}svg text.edge{font-size:9px;fill:#0b7285}
            """;

    private ExplorationHtml() {
    }

    /** Writes the page to {@code sink}, a state's card at a time, so that a big exploration needs no big string. */
    static void write(ExploredWorld world, Exploration found, String summary, Appendable sink)
            throws java.io.IOException {
        Set<Integer> broken = new HashSet<>();
        found.violations().forEach(v -> broken.add(v.state()));
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>novasim explore</title><style>").append(STYLE).append("</style></head><body>\n");
        out.append("<h1>novasim explore: every state of a small world</h1>\n");
        out.append("<pre class=\"facts\">").append(Markup.escape(summary)).append("</pre>\n");
        out.append("<p>Each state below is one the engine reached: every server's vm_state/task_state/power_state, ")
                .append("every port, volume and medium, and the work in flight in the order it falls due. From each, ")
                .append("every step was tried: an <span class=\"allowed\">accepted</span> one leads to the state it ")
                .append("names; a <span class=\"refused\">refused</span> one answers as Nova answers, with the text ")
                .append("of its 409. <code>complete</code> moves the clock to the next work that falls due; ")
                .append("<code>op!fault</code> is the call with that fault injected.</p>\n");
        if (!found.violations().isEmpty()) {
            out.append("<h2>Violations</h2>\n<ul>\n");
            for (Exploration.Violation v : found.violations()) {
                out.append("<li><span class=\"bad\">").append(Markup.escape(v.invariant().description()))
                        .append("</span> in <a href=\"#s").append(v.state()).append("\">state ").append(v.state())
                        .append("</a>: ").append(Markup.escape(String.join("; ", v.details()))).append("<br/>trace: ")
                        .append(Markup.escape(ExplorationText.trace(v.trace()))).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        if (found.states().size() <= DRAWN_STATES) {
            List<String> everywhere = linesOfEveryState(found);
            out.append("<h2>The graph</h2>\n<div class=\"scroll\">").append(drawing(found, broken, everywhere))
                    .append("</div>\n");
            if (!everywhere.isEmpty()) {
                out.append("<p class=\"facts\">The same in every state, so not drawn: ")
                        .append(Markup.escape(String.join("; ", everywhere))).append(".</p>\n");
            }
        }
        out.append("<h2>States</h2>\n");
        Map<Integer, List<Exploration.Transition>> from = found.transitions().stream()
                .collect(Collectors.groupingBy(Exploration.Transition::from, TreeMap::new, Collectors.toList()));
        for (Exploration.State state : found.states()) {
            out.append("<section class=\"state").append(broken.contains(state.id()) ? " broken" : "")
                    .append("\" id=\"s").append(state.id()).append("\"><h3>state ").append(state.id())
                    .append(state.parent() < 0 ? " (the start)" : " (" + state.distance() + (state.distance() == 1
                            ? " step: " : " steps: ") + Markup.escape(ExplorationText.trace(found.traceTo(
                            state.id()))) + ")").append("</h3>\n<pre>").append(Markup.escape(state.form().strip()))
                    .append("</pre>\n");
            List<Exploration.Transition> steps = from.getOrDefault(state.id(), List.of());
            if (steps.isEmpty()) {
                out.append("<p class=\"facts\">").append(state.distance() >= found.depth()
                        ? "Not expanded: it lies at the depth bound." : broken.contains(state.id())
                        ? "Not expanded: it breaks an invariant." : "No step applies.").append("</p>\n");
            }
            out.append("<ul class=\"steps\">\n");
            for (Exploration.Transition t : steps) {
                out.append("<li>");
                if (t.refused()) {
                    out.append("<span class=\"refused\">").append(Markup.escape(t.step().label())).append(" refused: ")
                            .append(Markup.escape(t.refusal())).append("</span>");
                } else {
                    out.append("<span class=\"allowed\">").append(Markup.escape(t.step().label())).append("</span> ")
                            .append(t.to() == t.from() ? "changes nothing" : "leads to <a href=\"#s" + t.to()
                                    + "\">state " + t.to() + "</a>");
                }
                if (t.step() instanceof Step.Call call) {
                    out.append("<br/><span class=\"req\">").append(Markup.escape(CallSpelling.request(call)))
                            .append(" \u2192 ").append(t.refused() ? ExplorationGraph.status(t)
                                    : CallSpelling.answer(call, null)).append("</span>");
                }
                out.append("</li>\n");
            }
            out.append("</ul></section>\n");
            sink.append(out);
            out.setLength(0);
        }
        out.append("<p class=\"facts\">Invariants checked in every state: ")
                .append(Markup.escape(java.util.Arrays.stream(Invariant.values()).map(Invariant::description)
                        .collect(Collectors.joining("; ")))).append(".</p>\n");
        sink.append(out.append("</body></html>\n"));
    }

    /** The lines of the canonical form that every state has: the drawing leaves them out. */
    private static List<String> linesOfEveryState(Exploration found) {
        List<String> common = new ArrayList<>(found.states().get(0).form().strip().lines().toList());
        for (Exploration.State state : found.states()) {
            common.retainAll(state.form().strip().lines().toList());
        }
        return common;
    }

    /** States in columns by their distance from the start; accepted steps as labelled arrows. */
    private static String drawing(Exploration found, Set<Integer> broken, List<String> everywhere) {
        Map<Integer, List<Exploration.State>> columns = found.states().stream()
                .collect(Collectors.groupingBy(Exploration.State::distance, TreeMap::new, Collectors.toList()));
        int[] x = new int[found.states().size()];
        int[] y = new int[found.states().size()];
        int height = 0;
        for (Map.Entry<Integer, List<Exploration.State>> column : columns.entrySet()) {
            int row = 0;
            for (Exploration.State state : column.getValue()) {
                x[state.id()] = 10 + column.getKey() * COLUMN;
                y[state.id()] = 10 + row++ * ROW;
            }
            height = Math.max(height, 10 + row * ROW);
        }
        int width = 10 + columns.size() * COLUMN;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" ")
                .append("refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path ")
                .append("d=\"M0,0L10,5L0,10z\" fill=\"#0b7285\"/></marker></defs>\n");
        List<String> drawn = new ArrayList<>();
        for (Exploration.Transition t : found.transitions()) {
            if (t.refused() || t.to() == t.from()) {
                continue;
            }
            String key = t.from() + ">" + t.to();
            String label = t.step().label();
            if (drawn.contains(key)) {
                continue;
            }
            drawn.add(key);
            int x1 = x[t.from()] + 200;
            int y1 = y[t.from()] + 25;
            int x2 = x[t.to()];
            int y2 = y[t.to()] + 25;
            svg.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2)
                    .append("\" y2=\"").append(y2)
                    .append("\" stroke=\"#0b7285\" stroke-opacity=\"0.5\" marker-end=\"url(#arrow)\"><title>")
                    .append(Markup.escape(label)).append("</title></line>\n");
            svg.append("<text class=\"edge\" x=\"").append((x1 + x2) / 2).append("\" y=\"").append((y1 + y2) / 2 - 3)
                    .append("\" text-anchor=\"middle\">").append(Markup.escape(label)).append("</text>\n");
        }
        for (Exploration.State state : found.states()) {
            List<String> lines = state.form().strip().lines().filter(line -> !everywhere.contains(line)).toList();
            svg.append("<a href=\"#s").append(state.id()).append("\"><rect x=\"").append(x[state.id()])
                    .append("\" y=\"").append(y[state.id()]).append("\" width=\"200\" height=\"50\" rx=\"4\" ")
                    .append("fill=\"").append(broken.contains(state.id()) ? "#fff5f5" : "#f8f9fa")
                    .append("\" stroke=\"").append(broken.contains(state.id()) ? "#c92a2a" : "#adb5bd")
                    .append("\"><title>").append(Markup.escape(state.form().strip())).append("</title></rect>");
            for (int i = 0; i < Math.min(3, lines.size()); i++) {
                svg.append("<text x=\"").append(x[state.id()] + 5).append("\" y=\"").append(y[state.id()] + 14 + i * 13)
                        .append("\">").append(Markup.escape(i == 2 && lines.size() > 3 ? "\u2026"
                                : lines.get(i).length() > 32 ? lines.get(i).substring(0, 31) + "\u2026"
                                : lines.get(i))).append("</text>");
            }
            svg.append("</a>\n");
        }
        return svg.append("</svg>").toString();
    }
}
