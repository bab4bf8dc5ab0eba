package io.novasim.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Json;
import io.novasim.model.error.Refusal;
import io.novasim.state.faults.Latency;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A latency in the rule language: a distribution, its parameters in seconds, and optional spikes.
 * <pre>{@code
 * {"distribution": "lognormal", "median": 0.2, "sigma": 0.8, "spike": {"probability": 0.01, "factor": 20}}
 * }</pre>
 * Distributions and their parameters: {@code fixed} (seconds), {@code uniform} (min, max), {@code normal} (mean,
 * stddev), {@code exponential} (mean), {@code lognormal} (median, sigma: a plain number).
 */
final class LatencyJson {
    /** Each distribution's parameters, all required, in the order they are written. */
    static final Map<String, List<String>> DISTRIBUTIONS;

    static {
        Map<String, List<String>> distributions = new java.util.LinkedHashMap<>();
        distributions.put("fixed", List.of("seconds"));
        distributions.put("uniform", List.of("min", "max"));
        distributions.put("normal", List.of("mean", "stddev"));
        distributions.put("exponential", List.of("mean"));
        distributions.put("lognormal", List.of("median", "sigma"));
        DISTRIBUTIONS = java.util.Collections.unmodifiableMap(distributions);
    }
    private static final List<String> SPIKE_KEYS = List.of("probability", "factor");

    private LatencyJson() {
    }

    /**
     * A latency from its JSON.
     *
     * @param where the field's name in messages, e.g. {@code effect.latency}
     */
    static Latency parse(JsonNode json, String where) {
        if (!json.isObject()) {
            throw invalid(where + " must be an object with a distribution (" + String.join(", ",
                    DISTRIBUTIONS.keySet()) + ") and its parameters, not " + json);
        }
        String distribution = json.path("distribution").asText("");
        List<String> parameters = DISTRIBUTIONS.get(distribution);
        if (parameters == null) {
            throw invalid(where + ".distribution must be one of " + String.join(", ", DISTRIBUTIONS.keySet())
                    + ", not " + (json.has("distribution") ? json.get("distribution") : "absent"));
        }
        json.fieldNames().forEachRemaining(key -> {
            if (!key.equals("distribution") && !key.equals("spike") && !parameters.contains(key)) {
                throw invalid("unknown key '" + key + "' in " + where + "; a " + distribution + " latency takes "
                        + String.join(", ", parameters) + " and spike");
            }
        });
        for (String parameter : parameters) {
            if (!json.has(parameter)) {
                throw invalid(where + "." + parameter + " is required by a " + distribution + " latency (it takes "
                        + String.join(", ", parameters) + ")");
            }
        }
        Latency latency;
        try {
            latency = switch (distribution) {
                case "fixed" -> Latency.fixed(seconds(json, "seconds", where));
                case "uniform" -> new Latency.Uniform(seconds(json, "min", where), seconds(json, "max", where));
                case "normal" -> new Latency.Normal(seconds(json, "mean", where), seconds(json, "stddev", where));
                case "exponential" -> new Latency.Exponential(seconds(json, "mean", where));
                case "lognormal" -> new Latency.Lognormal(seconds(json, "median", where),
                        number(json, "sigma", where));
                default -> throw new IllegalStateException(distribution);
            };
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
        JsonNode spike = json.path("spike");
        if (spike.isMissingNode() || spike.isNull()) {
            return latency;
        }
        if (!spike.isObject() || !spike.has("probability") || !spike.has("factor")) {
            throw invalid(where + ".spike must be an object with probability (0 to 1) and factor (1 or more)");
        }
        spike.fieldNames().forEachRemaining(key -> {
            if (!SPIKE_KEYS.contains(key)) {
                throw invalid("unknown key '" + key + "' in " + where + ".spike; it takes probability, factor");
            }
        });
        double probability = number(spike, "probability", where + ".spike");
        double factor = number(spike, "factor", where + ".spike");
        if (!(probability >= 0 && probability <= 1)) {
            throw invalid(where + ".spike.probability must be from 0 to 1, not " + spike.get("probability"));
        }
        if (!(factor >= 1)) {
            throw invalid(where + ".spike.factor must be 1 or more, not " + spike.get("factor"));
        }
        return latency.withSpikes(probability, factor);
    }

    /** A latency's JSON, as {@link #parse} reads it. */
    static Map<String, Object> write(Latency latency) {
        Map<String, Object> json = Json.object();
        Latency base = latency instanceof Latency.Spiked spiked ? spiked.base() : latency;
        if (base instanceof Latency.Fixed fixed) {
            json.put("distribution", "fixed");
            json.put("seconds", seconds(fixed.length()));
        } else if (base instanceof Latency.Uniform uniform) {
            json.put("distribution", "uniform");
            json.put("min", seconds(uniform.min()));
            json.put("max", seconds(uniform.max()));
        } else if (base instanceof Latency.Normal normal) {
            json.put("distribution", "normal");
            json.put("mean", seconds(normal.mean()));
            json.put("stddev", seconds(normal.stddev()));
        } else if (base instanceof Latency.Exponential exponential) {
            json.put("distribution", "exponential");
            json.put("mean", seconds(exponential.mean()));
        } else if (base instanceof Latency.Lognormal lognormal) {
            json.put("distribution", "lognormal");
            json.put("median", seconds(lognormal.median()));
            json.put("sigma", lognormal.sigma());
        }
        if (latency instanceof Latency.Spiked spiked) {
            json.put("spike", Json.object("probability", spiked.probability(), "factor", spiked.factor()));
        }
        return json;
    }

    private static double seconds(Duration length) {
        return length.toMillis() / 1000.0;
    }

    private static Duration seconds(JsonNode json, String key, String where) {
        JsonNode value = json.get(key);
        if (!value.isNumber() || value.asDouble() < 0) {
            throw invalid(where + "." + key + " must be a non-negative number of seconds, not " + value);
        }
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private static double number(JsonNode json, String key, String where) {
        JsonNode value = json.get(key);
        if (!value.isNumber()) {
            throw invalid(where + "." + key + " must be a number, not " + value);
        }
        return value.asDouble();
    }

    private static RuntimeException invalid(String reason) {
        return Refusal.INVALID_EFFECT.exception(reason);
    }
}
