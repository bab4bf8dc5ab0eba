package io.novasim.cli.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Step;

/** The exploration for machines: the settings, every state, every transition and every violation with its trace. */
final class ExplorationJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExplorationJson() {
    }

    static String write(ExploredWorld world, Exploration found) {
        ObjectNode root = JSON.createObjectNode();
        root.put("world", world.describe());
        root.put("depth", found.depth());
        ArrayNode steps = root.putArray("steps");
        found.steps().forEach(step -> steps.add(step.label()));
        root.put("expanded", found.expanded());
        root.put("coverage", found.coverage());
        root.put("exhausted", found.exhausted());
        ArrayNode invariants = root.putArray("invariants");
        for (Invariant invariant : Invariant.values()) {
            invariants.addObject().put("name", invariant.name()).put("description", invariant.description())
                    .put("held", found.violations().stream().noneMatch(v -> v.invariant() == invariant));
        }
        ArrayNode states = root.putArray("states");
        for (Exploration.State state : found.states()) {
            ObjectNode node = states.addObject().put("id", state.id()).put("distance", state.distance());
            node.put("form", state.form());
            if (state.parent() >= 0) {
                node.put("parent", state.parent()).put("via", state.via().label());
            }
        }
        ArrayNode transitions = root.putArray("transitions");
        for (Exploration.Transition t : found.transitions()) {
            ObjectNode edge = transitions.addObject().put("from", t.from()).put("to", t.to())
                    .put("step", t.step().label());
            if (t.step() instanceof Step.Call call) {
                edge.put("request", CallSpelling.request(call)).put("answer", CallSpelling.answer(call, t.refusal()));
            }
            if (t.refused()) {
                edge.put("refusal", t.refusal());
            }
        }
        ArrayNode violations = root.putArray("violations");
        for (Exploration.Violation v : found.violations()) {
            ObjectNode node = violations.addObject().put("invariant", v.invariant().name()).put("state", v.state());
            ArrayNode details = node.putArray("details");
            v.details().forEach(details::add);
            ArrayNode trace = node.putArray("trace");
            v.trace().forEach(step -> trace.add(step.label()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the exploration as JSON", e);
        }
    }
}
