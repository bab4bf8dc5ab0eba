package io.novasim.cli.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.RecordedRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a replay does, in order: the journaled requests, and the control plane's actions (fault rules added and
 * removed, forced states, releases) placed among them. The snapshot's history says which requests' commands ran
 * before and after each action; virtual time places it among the requests that ran no command (reads, refusals).
 * Nothing orders an action and a read at the same virtual time (as on a clock that moves only when told), so the
 * action goes first: an operator sets something up, then a client looks.
 */
final class Timeline {
    /** The user the control plane's own commands run as. */
    static final String CONTROL_USER = "novasim-control";

    /** One thing the replay does, at the virtual time it happened. */
    sealed interface Entry {
        Instant at();
    }

    /** A request a client sent, as the journal kept it. */
    record Sent(RecordedRequest request) implements Entry {
        @Override
        public Instant at() {
            return request.virtualTime();
        }
    }

    /** A fault rule added through the control plane, in its JSON form. */
    record FaultAdded(Instant at, JsonNode rule) implements Entry {
    }

    /** A fault rule removed through the control plane. */
    record FaultRemoved(Instant at, String ruleId) implements Entry {
    }

    /** A server's stuck task released through the control plane. */
    record Released(Instant at, String serverId) implements Entry {
    }

    /** A server forced to {@code active} or {@code error} through the control plane. */
    record StateForced(Instant at, String serverId, String vmState) implements Entry {
    }

    private Timeline() {
    }

    /**
     * The requests in journal order with the control plane's actions among them.
     *
     * @param requests the journal, oldest first
     * @param history  the snapshot's {@code history}, or null when it could not be read (then requests only)
     * @param since    the first journal sequence to keep; the actions before the first kept request are left out too
     */
    static List<Entry> of(List<RecordedRequest> requests, JsonNode history, long since) {
        List<List<Entry>> after = new ArrayList<>(); // after.get(i + 1): the actions placed after request i
        for (int i = 0; i <= requests.size(); i++) {
            after.add(new ArrayList<>());
        }
        if (history != null) {
            place(requests, history, after);
        }
        List<Entry> all = new ArrayList<>(after.get(0));
        for (int i = 0; i < requests.size(); i++) {
            all.add(new Sent(requests.get(i)));
            all.addAll(after.get(i + 1));
        }
        int firstKept = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Sent sent && sent.request().sequence() < since) {
                firstKept = i + 1;
            }
        }
        return List.copyOf(all.subList(firstKept, all.size()));
    }

    /** A control action, between the journaled commands that ran before and after it. */
    private static final class Pending {
        final Entry action;
        final int lower;
        int upper = -1;

        Pending(Entry action, int lower) {
            this.action = action;
            this.lower = lower;
        }
    }

    private static void place(List<RecordedRequest> requests, JsonNode history, List<List<Entry>> after) {
        Map<String, Integer> byRequestId = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byRequestId.put(requests.get(i).requestId(), i);
        }
        List<Pending> pending = new ArrayList<>();
        int lastCommand = -1;
        for (JsonNode entry : history) {
            Integer journaled = byRequestId.get(entry.path("request_id").asText(""));
            if ("command".equals(entry.path("type").asText()) && journaled != null) {
                for (Pending action : pending) {
                    if (action.upper < 0) {
                        action.upper = journaled;
                    }
                }
                lastCommand = Math.max(lastCommand, journaled);
                continue;
            }
            Entry action = action(entry);
            if (action != null) {
                pending.add(new Pending(action, lastCommand));
            }
        }
        for (Pending action : pending) {
            int upper = action.upper < 0 ? requests.size() : Math.max(action.upper, action.lower + 1);
            int p = action.lower;
            while (p + 1 < upper && requests.get(p + 1).virtualTime().isBefore(action.action.at())) {
                p++;
            }
            after.get(p + 1).add(action.action);
        }
    }

    /** The control action a history entry records, or null for anything else (the setup's own commands). */
    private static Entry action(JsonNode entry) {
        Instant at = Instant.parse(entry.path("at").asText());
        switch (entry.path("type").asText()) {
            case "fault_added":
                return new FaultAdded(at, entry.get("rule"));
            case "fault_removed":
                return new FaultRemoved(at, entry.path("rule_id").asText());
            case "released":
                return new Released(at, entry.path("server_id").asText());
            case "command":
                String operation = entry.at("/arguments/operation").asText();
                if (CONTROL_USER.equals(entry.at("/caller/user_id").asText())
                        && "Perform".equals(entry.path("command").asText())
                        && operation.startsWith("RESET_STATE_")) {
                    return new StateForced(at, entry.at("/arguments/server_id").asText(),
                            operation.substring("RESET_STATE_".length()).toLowerCase(java.util.Locale.ROOT));
                }
                return null;
            default:
                return null;
        }
    }
}
