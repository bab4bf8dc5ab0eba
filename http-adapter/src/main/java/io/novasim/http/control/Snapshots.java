package io.novasim.http.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.support.Json;
import io.novasim.model.error.BadRequest;
import io.novasim.model.error.Conflict;
import io.novasim.model.error.Refusal;
import io.novasim.state.command.Caller;
import io.novasim.state.command.Command;
import io.novasim.state.log.EventLog;
import io.novasim.state.log.SimEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the whole simulated cloud as JSON: the seed and the history that built the state (every command with
 * its caller, time and request id, and every change of the fault plan), and how many request ids had been drawn.
 * Restoring replays the history on a fresh engine with the same settings, so the restored cloud is the recorded one,
 * byte for byte, generated ids included; its request ids then go on from where the recorded ones stopped.
 */
public final class Snapshots {
    public static final String FORMAT = "novasim-snapshot/2";
    /** Snapshots before the control plane's one naming style: their callers and arguments in camelCase. */
    private static final String CAMEL_CASE_FORMAT = "novasim-snapshot/1";
    private static final String COMMANDS = "io.novasim.state.command.";
    /**
     * Commands renamed since older snapshots were taken, by their old names: a {@code RenameServer}'s arguments
     * ({@code serverId}, {@code name}) read as an {@code UpdateServer} that changes only the name.
     */
    private static final Map<String, String> RENAMED_COMMANDS = Map.of("RenameServer", "UpdateServer", "RenamePort",
            "UpdatePort");
    /** Absent from snapshots taken before it was written: their restore starts the request ids over. */
    private static final String REQUEST_IDS_DRAWN = "request_ids_drawn";

    private Snapshots() {
    }

    /**
     * A snapshot read back: the history to replay, the virtual time it was taken at, and how many request ids had
     * been drawn then.
     */
    public record Snapshot(List<SimEvent> history, Instant now, long requestIdsDrawn) {
    }

    /**
     * The snapshot of a simulator whose event log is {@code log}.
     *
     * @throws Conflict when the log dropped events, so that the state can no longer be rebuilt
     */
    public static Map<String, Object> take(EventLog log, long seed, Instant now, java.util.function.LongSupplier
            requestIdsDrawn) {
        if (log.dropped() > 0) {
            throw Refusal.EVENT_LOG_TRUNCATED.exception(log.dropped());
        }
        List<Object> history = new ArrayList<>();
        for (SimEvent event : log.events()) {
            if (event instanceof SimEvent.Executed executed) {
                Map<String, Object> entry = Json.object();
                entry.put("type", "command");
                entry.put("at", executed.at().toString());
                entry.put("request_id", executed.requestId());
                entry.put("caller", ControlJson.MAPPER.valueToTree(executed.caller()));
                entry.put("command", executed.command().getClass().getSimpleName());
                entry.put("arguments", ControlJson.MAPPER.valueToTree(executed.command()));
                history.add(entry);
            } else if (event instanceof SimEvent.FaultPlanChanged change) {
                Map<String, Object> entry = Json.object();
                entry.put("type", change.added() != null ? "fault_added" : "fault_removed");
                entry.put("at", change.at().toString());
                if (change.added() != null) {
                    entry.put("rule", FaultRuleJson.write(change.added()));
                } else {
                    entry.put("rule_id", change.removedId());
                }
                history.add(entry);
            } else if (event instanceof SimEvent.StuckReleased released) {
                Map<String, Object> entry = Json.object();
                entry.put("type", "released");
                entry.put("at", released.at().toString());
                entry.put("server_id", released.serverId());
                history.add(entry);
            }
        }
        Map<String, Object> snapshot = Json.object();
        snapshot.put("format", FORMAT);
        snapshot.put("seed", seed);
        snapshot.put("now", now.toString());
        // Read after the history: a request that came in between is counted, and skipping one more id is harmless.
        snapshot.put(REQUEST_IDS_DRAWN, requestIdsDrawn.getAsLong());
        snapshot.put("history", history);
        return snapshot;
    }

    /**
     * Reads a snapshot back, for a simulator running with {@code seed}.
     *
     * @throws BadRequest when it is no snapshot, was taken with another seed, or an entry cannot be read
     */
    public static Snapshot read(JsonNode snapshot, long seed) {
        String format = snapshot == null ? "" : snapshot.path("format").asText();
        if (!FORMAT.equals(format) && !CAMEL_CASE_FORMAT.equals(format)) {
            throw Refusal.NOT_A_SNAPSHOT.exception(FORMAT);
        }
        com.fasterxml.jackson.databind.ObjectMapper values = format.equals(FORMAT) ? ControlJson.MAPPER : Json.MAPPER;
        if (snapshot.path("seed").asLong() != seed) {
            throw Refusal.SNAPSHOT_SEED_MISMATCH.exception(snapshot.path("seed").asLong(), seed);
        }
        List<SimEvent> history = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : snapshot.path("history")) {
            history.add(event(entry, index++, values));
        }
        return new Snapshot(history, Instant.parse(snapshot.path("now").asText()), requestIdsDrawn(snapshot));
    }

    private static long requestIdsDrawn(JsonNode snapshot) {
        JsonNode drawn = snapshot.path(REQUEST_IDS_DRAWN);
        if (drawn.isMissingNode()) {
            return 0;
        }
        if (!drawn.canConvertToExactIntegral() || !drawn.canConvertToLong() || drawn.asLong() < 0) {
            throw Refusal.SNAPSHOT_COUNT_INVALID.exception(REQUEST_IDS_DRAWN, drawn);
        }
        return drawn.asLong();
    }

    private static SimEvent event(JsonNode entry, int index, com.fasterxml.jackson.databind.ObjectMapper values) {
        String where = "history[" + index + "]";
        try {
            Instant at = Instant.parse(entry.path("at").asText());
            return switch (entry.path("type").asText()) {
                case "command" -> new SimEvent.Executed(at, values.treeToValue(entry.get("caller"), Caller.class),
                        command(entry, values), entry.path("request_id").asText(), null);
                case "fault_added" -> new SimEvent.FaultPlanChanged(at,
                        FaultRuleJson.parse(entry.get("rule"), "restored-" + index, at), null);
                case "fault_removed" -> new SimEvent.FaultPlanChanged(at, null, entry.path("rule_id").asText());
                case "released" -> new SimEvent.StuckReleased(at, entry.path("server_id").asText());
                default -> throw Refusal.UNKNOWN_HISTORY_TYPE.exception(where);
            };
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof BadRequest bad) {
                throw bad;
            }
            throw Refusal.UNREADABLE_HISTORY_ENTRY.exception(where, e.getMessage());
        }
    }

    private static Command command(JsonNode entry, com.fasterxml.jackson.databind.ObjectMapper values)
            throws JsonProcessingException {
        String written = entry.path("command").asText();
        String name = RENAMED_COMMANDS.getOrDefault(written, written);
        Class<?> type;
        try {
            type = Class.forName(COMMANDS + name);
        } catch (ClassNotFoundException e) {
            throw Refusal.UNKNOWN_COMMAND.exception(written);
        }
        if (!Command.class.isAssignableFrom(type)) {
            throw Refusal.UNKNOWN_COMMAND.exception(written);
        }
        return (Command) values.treeToValue(entry.get("arguments"), type);
    }
}
