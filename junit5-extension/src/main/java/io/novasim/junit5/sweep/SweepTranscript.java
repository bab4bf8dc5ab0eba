package io.novasim.junit5.sweep;

import io.novasim.RecordedRequest;
import io.novasim.state.log.SimEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's requests and answers as a failure shows them: the setup's, then the code under test's, each fired fault
 * at the request it fired on, and the asynchronous work that failed or was let go at its virtual time.
 */
final class SweepTranscript {
    private static final int BODY_SHOWN = 160;

    private SweepTranscript() {
    }

    /**
     * @param requests  the journal since the reset
     * @param bodyFrom  how many of them the setup sent
     * @param events    the engine's events since the setup
     */
    static List<String> of(List<RecordedRequest> requests, int bodyFrom, List<SimEvent> events) {
        Map<String, String> firedOn = new HashMap<>();
        List<Timed> later = new ArrayList<>();
        for (SimEvent event : events) {
            if (event instanceof SimEvent.FaultFired fired) {
                firedOn.put(fired.fault().requestId(), "fault rule " + fired.fault().ruleId() + " fired on it");
            } else if (event instanceof SimEvent.WorkFinished work && work.error() != null) {
                later.add(new Timed(work.at(), "work of " + work.requestId() + " on server " + work.serverId()
                        + " failed: " + work.error()));
            } else if (event instanceof SimEvent.StuckReleased released) {
                later.add(new Timed(released.at(), "stuck work on server " + released.serverId() + " let go"));
            }
        }
        List<String> lines = new ArrayList<>();
        if (bodyFrom > 0) {
            lines.add("-- the setup --");
        }
        int next = 0;
        for (int i = 0; i < requests.size(); i++) {
            RecordedRequest request = requests.get(i);
            if (i == bodyFrom) {
                lines.add("-- the code under test --");
            }
            while (i >= bodyFrom && next < later.size() && later.get(next).at().isBefore(request.virtualTime())) {
                lines.add(later.get(next++).line());
            }
            lines.add(line(i + 1, request));
            String fired = firedOn.get(request.requestId());
            if (fired != null && i >= bodyFrom) {
                lines.add("      ^ " + fired);
            }
        }
        if (bodyFrom == requests.size()) {
            lines.add("-- the code under test: no request --");
        }
        while (next < later.size()) {
            lines.add(later.get(next++).line());
        }
        return lines;
    }

    private static String line(int number, RecordedRequest request) {
        StringBuilder line = new StringBuilder();
        line.append(String.format("%3d %s %s", number, request.virtualTime(), request.requestLine()));
        if (request.body() != null && !request.body().isEmpty()) {
            String body = request.body().replaceAll("\\s+", " ");
            line.append(' ').append(body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "..." : body);
        }
        line.append(" -> ").append(request.status());
        if (request.refusalLine() != null) {
            line.append(' ').append(request.refusalLine());
        }
        return line.toString();
    }

    private record Timed(Instant at, String text) {
        String line() {
            return "    " + at + " " + text;
        }
    }
}
