package io.novasim.state.explore;

import java.util.List;

/**
 * What an exploration found: the states it reached (the first is the start), the transitions between them, and the
 * invariants some state broke, each with the shortest trace to it.
 *
 * @param depth        how many steps the exploration went at most
 * @param steps        the steps it tried from every state
 * @param states       every state reached, in the order found (breadth first: by distance from the start)
 * @param transitions  every step taken from every state it expanded: to another state, or refused
 * @param violations   each state that broke an invariant, in the order found (so the first of each invariant has the
 *                     shortest trace)
 * @param expanded     how many states it tried every step from; the rest lie at the depth bound, or broke an invariant
 * @param replays      how many times it rebuilt a state from the start, for the benchmark's accounting
 */
public record Exploration(int depth, List<Step> steps, List<State> states, List<Transition> transitions,
                          List<Violation> violations, int expanded, long replays) {
    public Exploration {
        steps = List.copyOf(steps);
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        violations = List.copyOf(violations);
    }

    /** The share of the states found whose every step was tried: 1.0 when the exploration exhausted the world. */
    public double coverage() {
        return states.isEmpty() ? 1.0 : (double) expanded / states.size();
    }

    /** Whether every state reachable from the start was found and expanded within the depth bound. */
    public boolean exhausted() {
        return expanded == states.size() - violatingStates();
    }

    private long violatingStates() {
        return violations.stream().map(Violation::state).distinct().count();
    }

    /**
     * A state reached.
     *
     * @param id       its number, 0 for the start
     * @param form     its canonical form ({@link CanonicalState})
     * @param distance how many steps from the start, at least
     * @param parent   the state the shortest trace comes from, or -1 for the start
     * @param via      the step from the parent, or null for the start
     */
    public record State(int id, String form, int distance, int parent, Step via) {
    }

    /**
     * A step taken from a state.
     *
     * @param from    the state it was taken from
     * @param to      the state it led to: {@code from} again when it changed nothing
     * @param step    the step
     * @param refusal the answer's status and message when the call was refused, else null
     */
    public record Transition(int from, int to, Step step, String refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * A state that broke an invariant.
     *
     * @param invariant what broke
     * @param details   how, one sentence per way
     * @param state     the state's id
     * @param trace     the steps from the start to it, shortest first found
     */
    public record Violation(Invariant invariant, List<String> details, int state, List<Step> trace) {
        public Violation {
            details = List.copyOf(details);
            trace = List.copyOf(trace);
        }
    }

    /** The steps from the start to a state, along the shortest way found. */
    public List<Step> traceTo(int stateId) {
        return traceTo(states, stateId);
    }

    /** The steps from the start to a state of {@code states}, following each state's parent back. */
    static List<Step> traceTo(List<State> states, int stateId) {
        java.util.ArrayList<Step> trace = new java.util.ArrayList<>();
        for (State state = states.get(stateId); state.parent() >= 0; state = states.get(state.parent())) {
            trace.add(state.via());
        }
        java.util.Collections.reverse(trace);
        return trace;
    }
}
