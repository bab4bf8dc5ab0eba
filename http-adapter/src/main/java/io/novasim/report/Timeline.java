package io.novasim.report;

import io.novasim.report.RunReport.Entry;
import io.novasim.report.RunReport.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the HTML report's timeline shows, in virtual seconds and before any drawing: the time axis, a lane per server
 * and per port, volume, attachment or medium (each a run of states, in order of first appearance), and the markers of
 * the top lane. Built in one pass over the entries (and one for the ends of the axis); lanes past
 * {@link #MAX_LANES} are only counted.
 */
final class Timeline {
    /** More lanes than this are not drawn. */
    static final int MAX_LANES = 200;

    /** Left edge of the axis: the report's start, or the first entry when one came before it. */
    final Instant from;
    /**
     * Right edge of the axis: a little after the report's end or the last entry (a second when the run took no time),
     * so that the states the run ended in show.
     */
    final Instant to;
    /** Seconds from {@link #from} to {@link #to}; always positive. */
    final double span;
    /** Seconds from {@link #from} to the report's start (tick labels count from there). */
    final double startOffset;
    /** Seconds from {@link #from} to the report's end. */
    final double endOffset;
    final List<Lane> servers = new ArrayList<>();
    final List<Lane> resources = new ArrayList<>();
    final List<Marker> markers = new ArrayList<>();
    final int omittedServers;
    final int omittedResources;

    /**
     * One state held from one time to another.
     *
     * @param since  when it began
     * @param until  when it ended, or the axis' end when it lasted
     * @param from   {@code since} in seconds from {@link #from}
     * @param to     {@code until} in seconds from {@link #from}
     * @param state  the vm_state or the resource's state
     * @param task   the task_state, "" when none
     * @param power  the power_state, "" for a resource
     * @param entry  the index of the entry that began it
     * @param lasted whether it still held when the run ended
     */
    record Segment(Instant since, Instant until, double from, double to, String state, String task, String power,
                   int entry, boolean lasted) {
    }

    /**
     * A top-lane marker.
     *
     * @param time  when
     * @param at    {@code time} in seconds from {@link #from}
     * @param kind  the entry's kind
     * @param text  the entry's words
     * @param entry its index in the report
     * @param error for an answer, whether its status was 400 or more
     */
    record Marker(Instant time, double at, Kind kind, String text, int entry, boolean error) {
    }

    /** A server's or a resource's states over time. */
    static final class Lane {
        final String subject;
        /** The resource's kind ({@code port}, {@code volume}, {@code volume_attachment}, {@code media}); "server". */
        final String kind;
        final List<Segment> segments = new ArrayList<>();
        /** When it was deleted (it may come back under the same name), by the entries that told. */
        final List<Marker> deletions = new ArrayList<>();
        /** Faults fired on it and work of it that failed. */
        final List<Marker> marks = new ArrayList<>();
        private Instant openedSince;
        private double openedAt;
        private String state;
        private String task;
        private String power;
        private int openedBy;

        Lane(String subject, String kind) {
            this.subject = subject;
            this.kind = kind;
        }

        boolean server() {
            return kind.equals("server");
        }

        /** How the lane is labelled: the server's name, or the resource's kind and name. */
        String label() {
            return server() ? subject : kind.replace('_', ' ') + " " + subject;
        }

        private void change(Instant time, double at, String newState, String newTask, String newPower, int entry) {
            close(time, at, false);
            if (newState.equals("deleted")) {
                deletions.add(new Marker(time, at, server() ? Kind.SERVER : Kind.RESOURCE, label() + " deleted",
                        entry, false));
                return;
            }
            openedSince = time;
            openedAt = at;
            state = newState;
            task = newTask;
            power = newPower;
            openedBy = entry;
        }

        private void close(Instant time, double at, boolean lasted) {
            if (state != null) {
                segments.add(new Segment(openedSince, time.isBefore(openedSince) ? openedSince : time, openedAt,
                        Math.max(at, openedAt), state, task, power, openedBy, lasted));
                state = null;
            }
        }
    }

    private Timeline(RunReport report) {
        Instant first = report.start();
        Instant last = report.end();
        for (Entry entry : report.entries()) {
            first = entry.at().isBefore(first) ? entry.at() : first;
            last = entry.at().isAfter(last) ? entry.at() : last;
        }
        this.from = first;
        // A margin after the last instant shows the states the run ended in, even those it reached at its very end.
        Duration margin = Duration.between(first, last).dividedBy(32);
        this.to = last.plus(margin.isZero() ? Duration.ofSeconds(1) : margin);
        this.span = seconds(to);
        this.startOffset = seconds(report.start());
        this.endOffset = seconds(report.end());

        Map<String, Lane> lanes = new LinkedHashMap<>();
        Set<String> omitted = new HashSet<>();
        int omittedServerCount = 0;
        int omittedResourceCount = 0;
        List<Entry> entries = report.entries();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            double at = seconds(entry.at());
            Kind kind = entry.kind();
            switch (kind) {
                case SERVER, RESOURCE -> {
                    if (entry.subject() == null) {
                        break;
                    }
                    boolean server = kind == Kind.SERVER;
                    String laneKind = server ? "server" : entry.fields().getOrDefault("kind", "resource");
                    String key = laneKind + '\u0000' + entry.subject();
                    Lane lane = lanes.get(key);
                    if (lane == null) {
                        if (lanes.size() >= MAX_LANES) {
                            if (omitted.add(key)) {
                                if (server) {
                                    omittedServerCount++;
                                } else {
                                    omittedResourceCount++;
                                }
                            }
                            break;
                        }
                        lane = new Lane(entry.subject(), laneKind);
                        lanes.put(key, lane);
                        (server ? servers : resources).add(lane);
                    }
                    Map<String, String> fields = entry.fields();
                    String state = fields.getOrDefault(server ? "vm_state" : "state", "?");
                    lane.change(entry.at(), at, state, fields.getOrDefault("task_state", ""),
                            fields.getOrDefault("power_state", ""), i);
                }
                case FAULT_FIRED, WORK_FAILED -> {
                    Marker marker = new Marker(entry.at(), at, kind, entry.text(), i, false);
                    markers.add(marker);
                    Lane lane = entry.subject() == null ? null : lanes.get("server\u0000" + entry.subject());
                    if (lane != null) {
                        lane.marks.add(marker);
                    }
                }
                case REQUEST, REFUSAL, ADVANCE, FAULT_RULE, PASS, FAIL ->
                        markers.add(new Marker(entry.at(), at, kind, entry.text(), i, false));
                case ANSWER -> {
                    if (status(entry.text()) >= 400) {
                        markers.add(new Marker(entry.at(), at, kind, entry.text(), i, true));
                    }
                }
                default -> {
                }
            }
        }
        for (Lane lane : lanes.values()) {
            lane.close(to, span, true);
        }
        this.omittedServers = omittedServerCount;
        this.omittedResources = omittedResourceCount;
    }

    static Timeline of(RunReport report) {
        return new Timeline(report);
    }

    /** Seconds from {@link #from} to {@code at}. */
    double seconds(Instant at) {
        return (at.getEpochSecond() - from.getEpochSecond()) + (at.getNano() - from.getNano()) / 1e9;
    }

    /** The status of an answer's words ({@code <- 409 {...}}), or -1. */
    static int status(String answer) {
        if (answer.length() < 6 || !answer.startsWith("<- ")) {
            return -1;
        }
        int status = 0;
        for (int i = 3; i < 6; i++) {
            char c = answer.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            status = status * 10 + (c - '0');
        }
        return answer.length() == 6 || answer.charAt(6) == ' ' ? status : -1;
    }
}
