package io.novasim.report;

import io.novasim.RecordedRequest;
import io.novasim.report.RunReport.Entry;
import io.novasim.report.RunReport.Kind;
import io.novasim.state.CloudState;
import io.novasim.state.log.SimEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a running simulator has done so far, as the report its timeline draws: the engine's events, told as a
 * scenario's transcript tells them, and the journaled requests with their answers and refusals, in order of virtual
 * time. Things are named as the state names them now (a server by its name), so that what the event log no longer
 * holds the creation of is still named.
 */
public final class LiveReport {
    private LiveReport() {
    }

    /**
     * The report of a running simulator.
     *
     * @param events   the event log, oldest first
     * @param requests the journal, oldest first
     * @param state    the state now, for the names of things
     * @param began    when the current world began: the report's start
     */
    public static RunReport of(List<SimEvent> events, List<RecordedRequest> requests, CloudState state,
                               Instant began) {
        EventNarrator narrator = new EventNarrator();
        names(state).forEach(narrator::name);
        List<Entry> told = new ArrayList<>();
        for (SimEvent event : events) {
            if (event instanceof SimEvent.FaultPlanChanged changed) {
                told.addAll(narrator.tell()); // in order: what came before the rule changed
                told.add(new Entry(changed.at(), Kind.FAULT_RULE, changed.added() != null
                        ? "fault " + changed.added().id() + " added" : "fault " + changed.removedId() + " removed",
                        null, Map.of()));
            } else {
                narrator.on(event);
            }
        }
        told.addAll(narrator.tell());
        List<Entry> entries = merge(told, asked(requests));
        return new RunReport("the running simulator", null, 0, "nova", began, state.now(), entries, 0, 0);
    }

    /** A request's entries: what was asked, the answer, and the refusal when there was one. */
    private static List<Entry> asked(List<RecordedRequest> requests) {
        List<Entry> entries = new ArrayList<>(requests.size() * 2);
        for (RecordedRequest request : requests) {
            String who = request.userName() == null ? "anonymous" : request.userName();
            entries.add(new Entry(request.virtualTime(), Kind.REQUEST, who + " -> " + request.requestLine(), null,
                    Map.of()));
            entries.add(new Entry(request.virtualTime(), Kind.ANSWER, "<- " + request.status(), null, Map.of()));
            if (request.refusal() != null) {
                entries.add(new Entry(request.virtualTime(), Kind.REFUSAL, request.refusalLine(), null, Map.of()));
            }
        }
        return entries;
    }

    /**
     * The two lists, each in order of time, as one: at the same instant a request comes before the events it caused.
     */
    private static List<Entry> merge(List<Entry> events, List<Entry> requests) {
        List<Entry> merged = new ArrayList<>(events.size() + requests.size());
        int e = 0;
        int r = 0;
        while (e < events.size() || r < requests.size()) {
            boolean request = e == events.size()
                    || r < requests.size() && !requests.get(r).at().isAfter(events.get(e).at());
            merged.add(request ? requests.get(r++) : events.get(e++));
        }
        return merged;
    }

    /**
     * What the state names each thing: a server, port or volume by its name, an attachment by both of its ends. Nova
     * lets servers share a name; those get the start of their id too, so that each keeps a lane of its own.
     */
    private static Map<String, String> names(CloudState state) {
        Map<String, String> names = new HashMap<>();
        Map<String, Long> servers = state.servers().stream().collect(java.util.stream.Collectors.groupingBy(
                io.novasim.model.server.Server::name, java.util.stream.Collectors.counting()));
        state.servers().forEach(server -> names.put(server.id(), servers.get(server.name()) == 1 ? server.name()
                : server.name() + " (" + server.id().substring(0, Math.min(8, server.id().length())) + ")"));
        state.ports().stream().filter(port -> port.name() != null && !port.name().isEmpty())
                .forEach(port -> names.put(port.id(), port.name()));
        state.volumes().stream().filter(volume -> volume.name() != null && !volume.name().isEmpty())
                .forEach(volume -> names.put(volume.id(), volume.name()));
        state.volumeAttachments().forEach(attachment -> names.put(attachment.bdmUuid(),
                names.getOrDefault(attachment.volumeId(), attachment.volumeId()) + " on "
                        + names.getOrDefault(attachment.serverId(), attachment.serverId())));
        return names;
    }
}
