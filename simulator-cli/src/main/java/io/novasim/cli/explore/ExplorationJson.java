package io.novasim.cli.explore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.novasim.state.explore.Exploration;
import io.novasim.state.explore.Invariant;
import io.novasim.state.explore.Step;

import java.io.IOException;
import java.io.Writer;

/**
 * The exploration for machines: the settings, every state, every transition (with a call's request and answer) and
 * every violation with its trace. Written as it goes, so that a big exploration needs no big tree.
 */
final class ExplorationJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ExplorationJson() {
    }

    static void write(ExploredWorld world, Exploration found, Writer out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("world", world.describe());
            json.writeNumberField("depth", found.depth());
            json.writeArrayFieldStart("steps");
            for (Step step : found.steps()) {
                json.writeString(step.label());
            }
            json.writeEndArray();
            json.writeNumberField("expanded", found.expanded());
            json.writeNumberField("coverage", found.coverage());
            json.writeBooleanField("exhausted", found.exhausted());
            json.writeArrayFieldStart("invariants");
            for (Invariant invariant : Invariant.values()) {
                json.writeStartObject();
                json.writeStringField("name", invariant.name());
                json.writeStringField("description", invariant.description());
                json.writeBooleanField("held", found.violations().stream().noneMatch(v -> v.invariant() == invariant));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("states");
            for (Exploration.State state : found.states()) {
                json.writeStartObject();
                json.writeNumberField("id", state.id());
                json.writeNumberField("distance", state.distance());
                json.writeStringField("form", state.form());
                if (state.parent() >= 0) {
                    json.writeNumberField("parent", state.parent());
                    json.writeStringField("via", state.via().label());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("transitions");
            for (Exploration.Transition t : found.transitions()) {
                json.writeStartObject();
                json.writeNumberField("from", t.from());
                json.writeNumberField("to", t.to());
                json.writeStringField("step", t.step().label());
                if (t.step() instanceof Step.Call call) {
                    json.writeStringField("request", CallSpelling.request(call));
                    json.writeStringField("answer", CallSpelling.answer(call, t.refusal()));
                }
                if (t.refused()) {
                    json.writeStringField("refusal", t.refusal());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("violations");
            for (Exploration.Violation v : found.violations()) {
                json.writeStartObject();
                json.writeStringField("invariant", v.invariant().name());
                json.writeNumberField("state", v.state());
                json.writeArrayFieldStart("details");
                for (String detail : v.details()) {
                    json.writeString(detail);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("trace");
                for (Step step : v.trace()) {
                    json.writeString(step.label());
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
