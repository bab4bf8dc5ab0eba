package io.novasim.cli.explain;

import io.novasim.cli.states.StateDiagram;
import io.novasim.state.rules.Operation;
import io.novasim.state.rules.TransitionRule;
import io.novasim.state.rules.TransitionTable;
import io.novasim.state.time.Timings;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link Explanation} of an operation from what the engine obeys: its {@link TransitionRule}, the
 * {@link Timings}, the {@code Refusal} catalog (filled with placeholders, so every message is the
 * engine's own text) and the dialects' data. Only the connecting words are written here.
 */
public final class Explainer {
    private final Timings timings;

    /** @param timings the durations to quote for asynchronous work */
    public Explainer(Timings timings) {
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    /** An explainer quoting {@link Timings#defaults()}, the durations a simulator starts with. */
    public static Explainer withDefaultTimings() {
        return new Explainer(Timings.defaults());
    }

    /**
     * The operation a name means: its command-line name ({@code detach-volume}), its enum name ({@code DETACH_VOLUME},
     * {@code detach_volume}) or a scenario's operation name ({@code reboot}), in any case.
     */
    public static Optional<Operation> operationNamed(String name) {
        return OperationNames.find(name);
    }

    /** Every name {@link #operationNamed} accepts, in its command-line spelling. */
    public static List<String> knownNames() {
        return OperationNames.known();
    }

    /** Every operation's explanation, in {@link Operation} order. */
    public List<Explanation> all() {
        return Arrays.stream(Operation.values()).map(this::explain).toList();
    }

    public Explanation explain(Operation operation) {
        TransitionRule rule = TransitionTable.rule(operation);
        Explanation.Call call = ApiCalls.call(operation);
        Draft draft = new Draft();
        draft.checks.addAll(Gates.pipeline(call.request()));
        draft.checks.addAll(Gates.body(call.request()));
        switch (operation.kind()) {
            case LIFECYCLE -> new LifecycleSemantics(timings).explain(rule, draft);
            case INTERFACE -> new InterfaceSemantics(timings).explain(rule, draft);
            case VOLUME -> new VolumeSemantics(timings).explain(rule, draft);
            case MEDIA -> new MediaSemantics(timings).explain(rule, draft);
        }
        Explanation explanation = new Explanation(operation, StateDiagram.name(operation),
                OperationNames.aliasesOf(operation), ApiCalls.title(operation), call, draft.checks, draft.notes,
                draft.atOnce, draft.later, draft.laterFailures, draft.microversions, List.of());
        return explanation.withDialects(DialectDifferences.of(explanation));
    }
}
