package io.novasim.state.explore;

import io.novasim.model.error.ComputeException;
import io.novasim.state.Cloud;
import io.novasim.state.CloudState;
import io.novasim.state.PendingWork;
import io.novasim.state.command.AttachInterface;
import io.novasim.state.command.AttachMedia;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.Command;
import io.novasim.state.command.DetachInterface;
import io.novasim.state.command.DetachMedia;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.LockServer;
import io.novasim.state.command.Perform;
import io.novasim.state.log.EventListener;
import io.novasim.state.faults.FaultMatch;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.Trigger;
import io.novasim.state.rules.Operation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Explores every sequence of steps up to a depth, breadth first, from a world's start, as a model checker does: each
 * state is told apart by its {@link CanonicalState canonical form}, checked against the {@link Invariant invariants},
 * and expanded once, by every step. Each step is tried on a {@link Cloud#copy copy} of the state's engine; a refused
 * step changes nothing, so the steps after it share its copy. A state found keeps its engine until it is expanded,
 * while there is room; after that it is rebuilt by replaying its shortest steps on a copy of the start.
 */
public final class Explorer {
    private static final String FAULT_RULE = "explore";
    /**
     * How many states found but not yet expanded keep their engine, so that expanding them needs no replay. Beyond
     * that, a state is rebuilt from a copy of the start by its steps: memory stays bounded, whatever the world.
     */
    private static final int KEPT = 4096;

    private final ExploreWorld world;
    private final List<Step> steps;
    private final int depth;
    private final Set<Invariant> invariants;
    private final CanonicalState canonical;

    /**
     * @param world      where it starts
     * @param steps      the steps to try from every state ({@link Steps#of})
     * @param depth      how many steps at most, 1 to 12
     * @param invariants what every state must satisfy
     */
    public Explorer(ExploreWorld world, List<Step> steps, int depth, Set<Invariant> invariants) {
        if (depth < 1 || depth > 12) {
            throw new IllegalArgumentException("the depth must be 1 to 12: " + depth);
        }
        this.world = world;
        this.steps = List.copyOf(steps);
        this.depth = depth;
        this.invariants = invariants.isEmpty() ? Set.of() : EnumSet.copyOf(invariants);
        this.canonical = new CanonicalState(world);
    }

    /** Explores, and returns what it found. */
    public Exploration explore() {
        List<Exploration.State> states = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Exploration.Transition> transitions = new ArrayList<>();
        List<Exploration.Violation> violations = new ArrayList<>();
        Map<Integer, Boolean> broken = new HashMap<>();
        Map<String, String> refusals = new HashMap<>(); // one String per distinct text
        Map<Integer, Cloud> kept = new HashMap<>(); // states found and not yet expanded, while there is room
        long replays = 0;
        int expanded = 0;

        Cloud start = world.start().get().copy(EventListener.NONE);
        String startForm = observe(start, 0, null, states, seen, violations, broken, List.of());
        kept.put(seen.get(startForm), start);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(seen.get(startForm));
        while (!queue.isEmpty()) {
            int id = queue.poll();
            Exploration.State state = states.get(id);
            Cloud here = kept.remove(id);
            if (state.distance() >= depth || broken.containsKey(id)) {
                continue;
            }
            List<Step> trace = null;
            if (here == null) {
                trace = Exploration.traceTo(states, id);
                here = replay(start, trace);
                replays++;
            }
            Cloud work = null;
            for (Step step : steps) {
                if (work == null) {
                    work = here.copy(EventListener.NONE);
                }
                Outcome outcome = apply(work, step);
                if (outcome == Outcome.NOT_APPLICABLE) {
                    continue;
                }
                if (outcome.refusal() != null) { // a refused step changed nothing: the next one may use it
                    transitions.add(new Exploration.Transition(id, id, step,
                            refusals.computeIfAbsent(outcome.refusal(), text -> text)));
                    continue;
                }
                if (trace == null) {
                    trace = Exploration.traceTo(states, id);
                }
                List<Step> next = new ArrayList<>(trace.size() + 1);
                next.addAll(trace);
                next.add(step);
                int before = states.size();
                String form = observe(work, state.distance() + 1, step, states, seen, violations, broken, next);
                int to = seen.get(form);
                if (states.size() > before) {
                    states.set(to, new Exploration.State(to, form, state.distance() + 1, id, step));
                    queue.add(to);
                    if (kept.size() < KEPT && state.distance() + 1 < depth) {
                        kept.put(to, work);
                    }
                }
                transitions.add(new Exploration.Transition(id, to, step, null));
                work = null; // changed: the next step starts again from this state
            }
            expanded++;
        }
        return new Exploration(depth, steps, states, transitions, violations, expanded, replays);
    }

    /**
     * Takes the steps of a trace from the start again, and says what each did: for writing a trace as a scenario,
     * which needs each call's answer and how far each {@code complete} moved the clock.
     *
     * @param trace steps from the start, e.g. a violation's
     * @return one record per step, and the engine as the trace leaves it
     */
    public Walk walk(List<Step> trace) {
        Cloud cloud = world.start().get();
        List<Walk.Taken> taken = new ArrayList<>();
        for (Step step : trace) {
            Instant before = cloud.now();
            Outcome outcome = apply(cloud, step);
            taken.add(new Walk.Taken(step, outcome == Outcome.NOT_APPLICABLE ? null : outcome.refusal(),
                    outcome != Outcome.NOT_APPLICABLE, java.time.Duration.between(before, cloud.now())));
        }
        return new Walk(taken, cloud);
    }

    /**
     * What the steps of a trace did.
     *
     * @param steps one per step
     * @param end   the engine as the trace leaves it
     */
    public record Walk(List<Taken> steps, Cloud end) {
        /**
         * @param step     the step
         * @param refusal  the refusal's status, fault name and message when the call was refused, else null
         * @param applied  whether it did anything (a {@code complete} with nothing due does not)
         * @param advanced how far it moved the clock
         */
        public record Taken(Step step, String refusal, boolean applied, java.time.Duration advanced) {
        }
    }

    /** The form of the cloud's state; a new one is added, numbered, and checked against the invariants. */
    private String observe(Cloud cloud, int distance, Step via, List<Exploration.State> states,
                           Map<String, Integer> seen, List<Exploration.Violation> violations,
                           Map<Integer, Boolean> broken, List<Step> trace) {
        CloudState state = cloud.state();
        List<PendingWork> work = cloud.pendingWork();
        String form = canonical.of(state, work);
        if (seen.containsKey(form)) {
            return form;
        }
        int id = states.size();
        seen.put(form, id);
        states.add(new Exploration.State(id, form, distance, -1, via));
        for (Invariant invariant : invariants) {
            List<String> details = invariant.violations(state, work);
            if (!details.isEmpty()) {
                violations.add(new Exploration.Violation(invariant, details.stream().map(this::named).toList(), id,
                        trace));
                broken.put(id, true);
            }
        }
        return form;
    }

    /** A sentence with the world's names for its ids. */
    private String named(String sentence) {
        String named = sentence;
        for (Map<String, String> names : List.of(world.servers(), world.ports(), world.volumes(), world.media())) {
            for (Map.Entry<String, String> entry : names.entrySet()) {
                named = named.replace(entry.getKey(), entry.getValue());
            }
        }
        return named;
    }


    private Cloud replay(Cloud start, List<Step> trace) {
        Cloud cloud = start.copy(EventListener.NONE);
        for (Step step : trace) {
            apply(cloud, step);
        }
        return cloud;
    }

    /** What a step did. */
    private record Outcome(String refusal) {
        static final Outcome APPLIED = new Outcome(null);
        static final Outcome NOT_APPLICABLE = new Outcome("");
    }

    private Outcome apply(Cloud cloud, Step step) {
        if (step instanceof Step.Complete) {
            Optional<Instant> next = cloud.nextDueAt();
            if (next.isEmpty()) {
                return Outcome.NOT_APPLICABLE;
            }
            cloud.advanceTo(next.get());
            return Outcome.APPLIED;
        }
        if (step instanceof Step.Release release) {
            boolean held = cloud.pendingWork().stream()
                    .anyMatch(work -> work.held() && release.serverId().equals(work.serverId()));
            if (!held) {
                return Outcome.NOT_APPLICABLE;
            }
            cloud.release(release.serverId());
            return Outcome.APPLIED;
        }
        Step.Call call = (Step.Call) step;
        if (call.fault() != null) {
            cloud.addFault(new FaultRule(FAULT_RULE, FaultMatch.operation(call.operation()), call.fault().effect(),
                    Trigger.nextCalls(1)));
        }
        try {
            cloud.execute(world.caller(), command(call));
            return Outcome.APPLIED;
        } catch (ComputeException refused) {
            return new Outcome(refused.code() + " " + refused.faultName() + ": " + refused.getMessage());
        } finally {
            if (call.fault() != null) {
                cloud.removeFault(FAULT_RULE);
            }
        }
    }

    static Command command(Step.Call call) {
        String server = call.serverId();
        return switch (call.operation()) {
            case LOCK -> new LockServer(server, null);
            case ATTACH_INTERFACE -> new AttachInterface(server, call.resourceId(), null, null, null);
            case DETACH_INTERFACE -> new DetachInterface(server, call.resourceId());
            case ATTACH_VOLUME -> AttachVolume.of(server, call.resourceId());
            case DETACH_VOLUME -> DetachVolume.of(server, call.resourceId());
            case MEDIA_ATTACH -> new AttachMedia(server, call.resourceId());
            case MEDIA_DETACH -> new DetachMedia(server, call.resourceId());
            default -> new Perform(server, call.operation());
        };
    }
}
