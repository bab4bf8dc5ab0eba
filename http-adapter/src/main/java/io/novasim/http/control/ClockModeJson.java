package io.novasim.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ClockMode;
import io.novasim.model.error.Refusal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clock mode as JSON, for the control plane and scenario files: {@code {"mode": "manual"}},
 * {@code {"mode": "wall", "speed": 10}}, or {@code {"mode": "client", "step": 1, "settle_reads": true}} (a step of
 * one second and settled reads when not said). Each mode refuses a key it does not take, naming those it does.
 */
public final class ClockModeJson {
    /** The keys each mode takes. */
    private static final Map<String, List<String>> KEYS = Map.of(
            "manual", List.of("mode"),
            "wall", List.of("mode", "speed"),
            "client", List.of("mode", "step", "settle_reads"));
    private static final List<String> MODES = List.of("manual", "wall", "client");
    private static final Duration DEFAULT_STEP = Duration.ofSeconds(1);
    /** Bounds that keep every request's step, and the wall clock's pace, inside what an Instant holds. */
    private static final int MOST_STEP_SECONDS = 86_400;
    private static final int MOST_SPEED = 1_000_000;

    private ClockModeJson() {
    }

    /**
     * A clock mode from its JSON.
     *
     * @param clock the object
     * @param where how the message names it ({@code clock})
     * @throws io.novasim.model.error.ComputeException {@link Refusal#INVALID_SETTINGS}, naming the field and what it
     *                                                 takes
     */
    public static ClockMode parse(JsonNode clock, String where) {
        if (clock == null || !clock.isObject()) {
            throw Refusal.INVALID_SETTINGS.exception(where + " must be an object with a mode (" + String.join(", ",
                    MODES) + "), not " + clock);
        }
        String mode = clock.path("mode").asText("");
        List<String> keys = KEYS.get(mode);
        if (keys == null) {
            throw Refusal.INVALID_SETTINGS.exception(where + ".mode must be one of " + String.join(", ", MODES)
                    + ", not " + (clock.has("mode") ? clock.get("mode") : "absent"));
        }
        clock.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                throw Refusal.INVALID_SETTINGS.exception("unknown key '" + key + "' in " + where + " of mode " + mode
                        + "; it takes " + String.join(", ", keys));
            }
        });
        return switch (mode) {
            case "wall" -> {
                JsonNode speed = clock.path("speed");
                if (!speed.isNumber() || !(speed.asDouble() > 0) || speed.asDouble() > MOST_SPEED) {
                    throw Refusal.INVALID_SETTINGS.exception(where + ".speed must be a number above 0 and at most "
                            + MOST_SPEED + " (1 is real time), not " + (speed.isMissingNode() ? "absent" : speed));
                }
                yield ClockMode.wall(speed.asDouble());
            }
            case "client" -> {
                Duration step = DEFAULT_STEP;
                if (clock.has("step")) {
                    JsonNode seconds = clock.get("step");
                    if (!seconds.isNumber() || seconds.asDouble() < 0 || seconds.asDouble() > MOST_STEP_SECONDS) {
                        throw Refusal.INVALID_SETTINGS.exception(where + ".step must be a number of seconds from 0 to "
                                + MOST_STEP_SECONDS + " (a day), not " + seconds);
                    }
                    step = Duration.ofMillis(Math.round(seconds.asDouble() * 1000));
                }
                JsonNode settle = clock.path("settle_reads");
                if (!settle.isMissingNode() && !settle.isBoolean()) {
                    throw Refusal.INVALID_SETTINGS.exception(where + ".settle_reads must be true or false, not "
                            + settle);
                }
                ClockMode.Client client = new ClockMode.Client(step, true);
                yield settle.asBoolean(true) ? client : client.steppingOnly();
            }
            default -> ClockMode.manual();
        };
    }

    /** A clock mode's JSON, as {@link #parse} reads it. */
    public static Map<String, Object> write(ClockMode clock) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", clock.jsonName());
        if (clock instanceof ClockMode.Wall wall) {
            json.put("speed", wall.speed());
        } else if (clock instanceof ClockMode.Client client) {
            json.put("step", client.step().toMillis() / 1000.0);
            json.put("settle_reads", client.settleReads());
        }
        return json;
    }
}
