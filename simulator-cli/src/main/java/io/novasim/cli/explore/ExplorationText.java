package io.novasim.cli.explore;

import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Step;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The text form of an exploration: what was explored, what was found, and each violation's shortest trace. */
final class ExplorationText {
    private ExplorationText() {
    }

    /**
     * The summary lines every format's run prints: the counts, the coverage, and the verdict. It has no timing, so
     * that the same exploration writes the same page.
     */
    static String summary(ExploredWorld world, Exploration found, List<String> operations, List<String> faults,
                          Map<Invariant, String> written) {
        StringBuilder out = new StringBuilder();
        long refused = found.transitions().stream().filter(Exploration.Transition::refused).count();
        out.append("novasim explore: ").append(world.describe()).append("; ").append(operations.size())
                .append(operations.size() == 1 ? " operation" : " operations").append(" (")
                .append(String.join(", ", operations)).append("); faults ")
                .append(faults.isEmpty() ? "none" : String.join(", ", faults)).append("; depth ")
                .append(found.depth()).append('\n');
        out.append(String.format(Locale.ROOT, "%,d states, %,d transitions (%,d refused)%n",
                found.states().size(), found.transitions().size(), refused));
        out.append(String.format(Locale.ROOT, "covered: %,d of the states found were expanded (%.1f%%)%s%n",
                found.expanded(), 100 * found.coverage(), found.exhausted()
                        ? "; the world is exhausted: no state is further than this"
                        : "; states remain beyond depth " + found.depth()));
        out.append("states by distance from the start: ").append(byDistance(found)).append('\n');
        Set<Invariant> broken = EnumSet.noneOf(Invariant.class);
        found.violations().forEach(v -> broken.add(v.invariant()));
        for (Invariant invariant : Invariant.values()) {
            out.append(broken.contains(invariant) ? "  BROKEN " : "  held   ").append(invariant.description())
                    .append('\n');
        }
        for (Invariant invariant : broken) {
            Exploration.Violation first = found.violations().stream().filter(v -> v.invariant() == invariant)
                    .findFirst().orElseThrow();
            long states = found.violations().stream().filter(v -> v.invariant() == invariant).count();
            out.append('\n').append("violation: ").append(invariant.description()).append(" (").append(states)
                    .append(states == 1 ? " state" : " states").append(")\n");
            first.details().forEach(detail -> out.append("  ").append(detail).append('\n'));
            out.append("  shortest trace (").append(first.trace().size()).append(first.trace().size() == 1
                    ? " step" : " steps").append("): ").append(trace(first.trace())).append('\n');
            if (written.containsKey(invariant)) {
                out.append("  reproduce it: novasim run ").append(written.get(invariant)).append('\n');
            }
        }
        out.append(broken.isEmpty() ? "PASSED: no invariant broken\n" : "FAILED: " + broken.size()
                + (broken.size() == 1 ? " invariant" : " invariants") + " broken\n");
        return out.toString();
    }

    /** The whole text form: the summary, then each state with every step from it. */
    static void full(String summary, Exploration found, Appendable out) throws java.io.IOException {
        out.append(summary).append('\n');
        Map<Integer, List<Exploration.Transition>> from = found.transitions().stream()
                .collect(Collectors.groupingBy(Exploration.Transition::from, TreeMap::new, Collectors.toList()));
        for (Exploration.State state : found.states()) {
            out.append("state ").append(String.valueOf(state.id()));
            if (state.parent() >= 0) {
                out.append(" (").append(String.valueOf(state.distance()))
                        .append(state.distance() == 1 ? " step" : " steps").append(": ")
                        .append(trace(found.traceTo(state.id()))).append(')');
            } else {
                out.append(" (the start)");
            }
            out.append('\n');
            for (String line : state.form().lines().toList()) {
                out.append("    ").append(line).append('\n');
            }
            for (Exploration.Transition t : from.getOrDefault(state.id(), List.of())) {
                out.append("  ").append(t.step().label()).append(t.refused() ? " refused: " + t.refusal()
                        : t.to() == t.from() ? " -> here (nothing changes)" : " -> state " + t.to()).append('\n');
            }
        }
    }

    static String trace(List<Step> steps) {
        return steps.isEmpty() ? "(none)" : steps.stream().map(Step::label).collect(Collectors.joining(", "));
    }

    private static String byDistance(Exploration found) {
        Map<Integer, Long> counts = found.states().stream()
                .collect(Collectors.groupingBy(Exploration.State::distance, TreeMap::new, Collectors.counting()));
        return counts.values().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
