package io.novasim.report;

import io.novasim.report.Timeline.Lane;
import io.novasim.report.Timeline.Marker;
import io.novasim.report.Timeline.Segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Draws a {@link Timeline} as one inline SVG: tick labels along the top, the marker rows, then a lane per server and
 * per resource. Every shape carries a {@code <title>} (the tooltip) and links to its line of the transcript
 * ({@code #e<index>}); the indexes it links to are kept in {@link #linked()}. Markers of one symbol that fall on the
 * same pixel column become one marker that counts them, and runs of states narrower than a pixel become one grey
 * block, so the drawing stays a bounded size however long the run.
 */
public final class TimelineSvg {
    static final int LABEL_WIDTH = 230;
    static final int PLOT_WIDTH = 960;
    private static final int RIGHT = 24;
    private static final int WIDTH = LABEL_WIDTH + PLOT_WIDTH + RIGHT;
    private static final int AXIS = 22;
    private static final int ROW = 18;
    private static final int LANE = 20;
    private static final int BAR = 14;
    private static final int TITLE_CHARS = 300;
    private static final int LABEL_CHARS = 32;
    /** Roughly how wide a character of the 10px monospace labels is. */
    private static final double CHAR_WIDTH = 6.1;
    private static final double[] STEPS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30,
        60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};

    /** The marker symbols: which row each is on, what it is called, how it is drawn. */
    enum Symbol {
        REQUEST(0, "m-req", "request", "requests"),
        ERROR_ANSWER(0, "m-err", "answer with a status of 400 or more", "answers with a status of 400 or more"),
        REFUSAL(0, "m-ref", "refusal", "refusals"),
        ADVANCE(1, "m-adv", "clock advance", "clock advances"),
        FAULT_RULE(2, "m-rule", "fault rule added or removed", "fault rules added or removed"),
        FAULT_FIRED(3, "m-fault", "fault fired", "faults fired"),
        WORK_FAILED(3, "m-work", "asynchronous work failed", "failures of asynchronous work"),
        PASS(4, "m-pass", "expectation met", "expectations met"),
        FAIL(4, "m-fail", "expectation failed", "expectations failed");

        final int row;
        final String css;
        final String one;
        final String many;

        Symbol(int row, String css, String one, String many) {
            this.row = row;
            this.css = css;
            this.one = one;
            this.many = many;
        }

        static Symbol of(Marker marker) {
            return switch (marker.kind()) {
                case REQUEST -> REQUEST;
                case ANSWER -> ERROR_ANSWER;
                case REFUSAL -> REFUSAL;
                case ADVANCE -> ADVANCE;
                case FAULT_RULE -> FAULT_RULE;
                case FAULT_FIRED -> FAULT_FIRED;
                case WORK_FAILED -> WORK_FAILED;
                case PASS -> PASS;
                case FAIL -> FAIL;
                default -> throw new IllegalArgumentException("no marker for " + marker.kind());
            };
        }

        /** The path of the symbol centred on (x, y). */
        String path(double x, double y) {
            return switch (this) {
                case REQUEST -> "M" + n(x) + " " + n(y - 6) + "V" + n(y + 6);
                case ERROR_ANSWER -> "M" + n(x - 4.5) + " " + n(y + 8) + "H" + n(x + 4.5) + "L" + n(x) + " " + n(y)
                        + "Z";
                case REFUSAL -> "M" + n(x - 3.5) + " " + n(y - 3.5) + "h7v7h-7Z";
                case ADVANCE -> "M" + n(x) + " " + n(y - 5) + "L" + n(x + 6) + " " + n(y) + "L" + n(x) + " "
                        + n(y + 5) + "Z";
                case FAULT_RULE, FAULT_FIRED -> "M" + n(x) + " " + n(y - 5.5) + "L" + n(x + 5.5) + " " + n(y) + "L"
                        + n(x) + " " + n(y + 5.5) + "L" + n(x - 5.5) + " " + n(y) + "Z";
                case WORK_FAILED -> "M" + n(x - 4) + " " + n(y) + "a4 4 0 1 0 8 0a4 4 0 1 0-8 0Z";
                case PASS -> "M" + n(x) + " " + n(y - 4) + "V" + n(y + 4);
                case FAIL -> "M" + n(x - 4) + " " + n(y - 4) + "L" + n(x + 4) + " " + n(y + 4) + "M" + n(x + 4) + " "
                        + n(y - 4) + "L" + n(x - 4) + " " + n(y + 4);
            };
        }
    }

    /** The marker rows' names, top to bottom. */
    private static final String[] ROWS = {"requests", "clock", "fault rules", "faults", "expectations"};
    /**
     * The rows a running simulator's timeline has (the console's): its clock's moves and expectations are a
     * scenario's, not the engine's.
     */
    private static final boolean[] LIVE_ROWS = {true, false, true, true, false};

    /** The styles of the drawing, inside the SVG so that it stands alone too. */
    static final String STYLE = """
            .ax{font:11px sans-serif;fill:#495057}.ax-l{font:11px sans-serif;fill:#868e96}
            .grid{stroke:#e9ecef;stroke-width:1}.plot{fill:#fff;stroke:#ced4da}
            .outside{fill:#f1f3f5}.rl{font:11px sans-serif;fill:#495057;font-style:italic}
            .gh{font:bold 11px sans-serif;fill:#212529}.ll{font:11px sans-serif;fill:#212529}
            .sl{font:10px monospace;fill:#212529;pointer-events:none}.sl.t{font-style:italic;font-weight:bold}
            .lane rect{stroke:#fff;stroke-width:.6}.busy{fill:#495057}.end{stroke:#212529;stroke-width:2}
            .m-req{stroke:#495057;stroke-width:1.2}.m-err{fill:#e8590c}.m-ref{fill:#7048e8}.m-adv{fill:#1c7ed6}
            .m-rule{fill:#fff;stroke:#f08c00;stroke-width:1.5}.m-fault{fill:#f59f00;stroke:#5c3c00;stroke-width:1}
            .m-work{fill:#d9480f}.m-pass{stroke:#2f9e44;stroke-width:1.5}.m-fail{stroke:#e03131;stroke-width:2.5}
            a:hover>path,a:hover>rect{opacity:.75}
            """;

    private final Timeline timeline;
    private final Instant start;
    private final boolean live;
    /** Where each of {@link #ROWS} is drawn, top to bottom; -1 when it is not. */
    private final int[] rowAt = new int[ROWS.length];
    private final int rows;
    private final StringBuilder out = new StringBuilder();
    private final BitSet linked = new BitSet();

    private TimelineSvg(Timeline timeline, Instant start, boolean live) {
        this.timeline = timeline;
        this.start = start;
        this.live = live;
        int shown = 0;
        for (int row = 0; row < ROWS.length; row++) {
            rowAt[row] = !live || LIVE_ROWS[row] ? shown++ : -1;
        }
        this.rows = shown;
    }

    /**
     * The SVG element of a scenario run's {@code timeline}, each shape linking to its line of the transcript.
     *
     * @param start the report's start, which tick labels count from
     */
    static TimelineSvg draw(Timeline timeline, Instant start) {
        TimelineSvg svg = new TimelineSvg(timeline, start, false);
        svg.draw();
        return svg;
    }

    /**
     * The SVG of a running simulator's {@code report} (the console's timeline): without links, for it has no
     * transcript, and without the rows of a scenario's steps.
     */
    public static String drawLive(RunReport report) {
        TimelineSvg svg = new TimelineSvg(Timeline.of(report), report.start(), true);
        svg.draw();
        return svg.svg();
    }

    String svg() {
        return out.toString();
    }

    /** The indexes of the entries the drawing links to. */
    BitSet linked() {
        return linked;
    }

    private void draw() {
        int omitted = timeline.omittedServers + timeline.omittedResources;
        int top = AXIS + 4;
        int lanesTop = top + rows * ROW + 6;
        int height = lanesTop + (timeline.servers.isEmpty() ? 0 : ROW + timeline.servers.size() * LANE)
                + (timeline.resources.isEmpty() ? 0 : ROW + timeline.resources.size() * LANE)
                + (omitted == 0 ? 0 : ROW) + 6;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(live ? "timeline of the simulator" : "timeline of the run")
                .append("\">\n<style>\n")
                .append(STYLE).append("</style>\n");
        out.append("<defs><pattern id=\"task\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"2.5\" height=\"6\" fill=\"#000\" "
                + "fill-opacity=\".28\"/></pattern></defs>\n");
        out.append("<rect class=\"plot\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(AXIS)
                .append("\" width=\"").append(PLOT_WIDTH).append("\" height=\"").append(height - AXIS - 4)
                .append("\"/>\n");
        outside(0, timeline.startOffset, height, live ? "before the world began" : "before the run's start");
        outside(timeline.endOffset, timeline.span, height, live ? "after now: the states things are in"
                : "after the run's end: the states it ended in");
        ticks(height);

        for (int row = 0; row < ROWS.length; row++) {
            if (rowAt[row] < 0) {
                continue;
            }
            out.append("<text class=\"rl\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"")
                    .append(top + rowAt[row] * ROW + 13).append("\" text-anchor=\"end\">").append(ROWS[row])
                    .append("</text>\n");
        }
        out.append("<g class=\"markers\">\n");
        markers(timeline.markers, top);
        out.append("</g>\n");

        int y = lanesTop;
        y = group("servers", "servers: vm_state, hatched while a task_state is set", timeline.servers, y);
        y = group("resources", "ports, volumes, attachments, media", timeline.resources, y);
        if (omitted > 0) {
            out.append("<text class=\"gh omitted\" x=\"").append(LABEL_WIDTH + 4).append("\" y=\"").append(y + 13)
                    .append("\">").append(Markup.escape(omittedNote(timeline))).append("</text>\n");
        }
        out.append("</svg>");
    }

    /** Says how many lanes were not drawn, or "" when all were. */
    static String omittedNote(Timeline timeline) {
        int omitted = timeline.omittedServers + timeline.omittedResources;
        if (omitted == 0) {
            return "";
        }
        return "Only the first " + Timeline.MAX_LANES + " lanes are drawn; " + omitted + " more ("
                + timeline.omittedServers + (timeline.omittedServers == 1 ? " server, " : " servers, ")
                + timeline.omittedResources + (timeline.omittedResources == 1 ? " resource" : " resources")
                + ") are left out, and the transcript has all of them.";
    }

    private void outside(double from, double to, int height, String why) {
        if (to - from <= 0) {
            return;
        }
        out.append("<rect class=\"outside\" x=\"").append(n(x(from))).append("\" y=\"").append(AXIS + 1)
                .append("\" width=\"").append(n(x(to) - x(from))).append("\" height=\"").append(height - AXIS - 6)
                .append("\"><title>").append(Markup.escape(why)).append("</title></rect>\n");
    }

    private void ticks(int height) {
        double step = STEPS[STEPS.length - 1];
        for (double candidate : STEPS) {
            if (timeline.span / candidate <= 10) {
                step = candidate;
                break;
            }
        }
        while (timeline.span / step > 10) {
            step *= 2;
        }
        long first = (long) Math.ceil(-timeline.startOffset / step - 1e-9);
        long last = (long) Math.floor((timeline.span - timeline.startOffset) / step + 1e-9);
        out.append("<text class=\"ax-l\" x=\"").append(LABEL_WIDTH - 14).append("\" y=\"14\" text-anchor=\"end\">"
                + "virtual time since start</text>\n");
        for (long k = first; k <= last; k++) {
            double at = timeline.startOffset + k * step;
            String x = n(x(at));
            out.append("<line class=\"grid\" x1=\"").append(x).append("\" y1=\"").append(AXIS - 4)
                    .append("\" x2=\"").append(x).append("\" y2=\"").append(height - 4).append("\"/>")
                    .append("<text class=\"ax\" x=\"").append(x).append("\" y=\"14\" text-anchor=\"middle\">")
                    .append(duration(Math.round(k * step * 1000))).append("</text>\n");
        }
    }

    private void markers(List<Marker> markers, int top) {
        Symbol[] symbols = Symbol.values();
        Bucket[] buckets = new Bucket[symbols.length];
        for (Marker marker : markers) {
            Symbol symbol = Symbol.of(marker);
            if (rowAt[symbol.row] < 0) {
                continue;
            }
            double x = x(marker.at());
            long column = (long) Math.floor(x);
            Bucket bucket = buckets[symbol.ordinal()];
            if (bucket != null && bucket.column == column) {
                bucket.add(marker);
                continue;
            }
            if (bucket != null) {
                marker(symbol, bucket, top + rowAt[symbol.row] * ROW + ROW / 2.0);
            }
            buckets[symbol.ordinal()] = new Bucket(column, x, marker);
        }
        for (Symbol symbol : symbols) {
            if (buckets[symbol.ordinal()] != null) {
                marker(symbol, buckets[symbol.ordinal()], top + rowAt[symbol.row] * ROW + ROW / 2.0);
            }
        }
    }

    /** Markers of one symbol on one pixel column, drawn as one; the first few are told in its title. */
    private static final class Bucket {
        static final int TOLD = 4;
        final long column;
        final double x;
        final List<Marker> told = new ArrayList<>(1);
        Marker last;
        int count;

        Bucket(long column, double x, Marker first) {
            this.column = column;
            this.x = x;
            add(first);
        }

        void add(Marker marker) {
            if (told.size() < TOLD) {
                told.add(marker);
            }
            last = marker;
            count++;
        }
    }

    private void marker(Symbol symbol, Bucket bucket, double y) {
        Marker first = bucket.told.get(0);
        String title;
        if (bucket.count == 1) {
            title = Markup.truncate(when(first.time()) + " " + first.text(), TITLE_CHARS);
        } else {
            StringBuilder text = new StringBuilder().append(bucket.count).append(' ').append(symbol.many)
                    .append(" from ").append(when(first.time())).append(" to ").append(when(bucket.last.time()))
                    .append(':');
            for (Marker marker : bucket.told) {
                text.append("\n").append(Markup.truncate(marker.text(), TITLE_CHARS / 2));
            }
            if (bucket.count > bucket.told.size()) {
                text.append("\nand ").append(bucket.count - bucket.told.size()).append(" more");
            }
            title = text.toString();
        }
        link(out, first.entry());
        out.append("<path class=\"").append(symbol.css).append("\" d=\"").append(symbol.path(bucket.x, y))
                .append("\">");
        out.append("<title>").append(Markup.escape(title)).append("</title>");
        out.append("</path></a>\n");
    }

    private int group(String css, String heading, List<Lane> lanes, int y) {
        if (lanes.isEmpty()) {
            return y;
        }
        out.append("<g class=\"").append(css).append("\">\n<text class=\"gh\" x=\"8\" y=\"").append(y + 13)
                .append("\">").append(Markup.escape(heading)).append("</text>\n");
        y += ROW;
        for (Lane lane : lanes) {
            lane(lane, y);
            y += LANE;
        }
        out.append("</g>\n");
        return y;
    }

    private void lane(Lane lane, int y) {
        String label = lane.label();
        out.append("<g class=\"lane ").append(lane.server() ? "server" : "resource").append("\" data-kind=\"")
                .append(Markup.attribute(lane.kind)).append("\" data-subject=\"").append(Markup.attribute(lane.subject))
                .append("\">\n<text class=\"ll\" x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 14)
                .append("\" text-anchor=\"end\">").append(Markup.escape(Markup.truncate(label, LABEL_CHARS)));
        title(out, label);
        out.append("</text>\n");
        double barTop = y + (LANE - BAR) / 2.0;
        // Runs of states each narrower than a pixel are drawn as one block that counts them, after the wide ones so
        // that a state held for no time still shows as a sliver over its neighbours.
        StringBuilder narrow = new StringBuilder();
        Segment runFirst = null;
        Segment runLast = null;
        int runCount = 0;
        for (Segment segment : lane.segments) {
            if (x(segment.to()) - x(segment.from()) >= 1) {
                if (runFirst != null) {
                    run(narrow, lane, runFirst, runLast, runCount, barTop);
                    runFirst = null;
                    runCount = 0;
                }
                segment(out, lane, segment, barTop, x(segment.from()), x(segment.to()) - x(segment.from()));
                continue;
            }
            if (runFirst == null) {
                runFirst = segment;
            }
            runLast = segment;
            runCount++;
            if (x(runLast.to()) - x(runFirst.from()) >= 1) {
                run(narrow, lane, runFirst, runLast, runCount, barTop);
                runFirst = null;
                runCount = 0;
            }
        }
        if (runFirst != null) {
            run(narrow, lane, runFirst, runLast, runCount, barTop);
        }
        out.append(narrow);
        for (Marker deletion : lane.deletions) {
            String x = n(x(deletion.at()));
            link(out, deletion.entry());
            out.append("<path class=\"end\" d=\"M").append(x).append(' ').append(n(barTop - 2)).append("V")
                    .append(n(barTop + BAR + 2)).append("\">");
            title(out, when(deletion.time()) + " " + deletion.text());
            out.append("</path></a>\n");
        }
        for (Marker mark : lane.marks) {
            Symbol symbol = Symbol.of(mark);
            link(out, mark.entry());
            out.append("<path class=\"").append(symbol.css).append("\" d=\"")
                    .append(symbol.path(x(mark.at()), barTop + BAR / 2.0)).append("\">");
            title(out, when(mark.time()) + " " + mark.text());
            out.append("</path></a>\n");
        }
        out.append("</g>\n");
    }

    private void segment(StringBuilder to, Lane lane, Segment segment, double barTop, double x1, double width) {
        String fill = lane.server() ? Palette.vmState(segment.state()) : Palette.resourceState(segment.state());
        link(to, segment.entry());
        rect(to, x1, barTop, width, "fill=\"" + fill + "\"");
        boolean task = !segment.task().isEmpty();
        if (task) {
            rect(to, x1, barTop, width, "fill=\"url(#task)\"");
        }
        String words = task ? segment.task() : segment.state();
        if (width >= words.length() * CHAR_WIDTH + 6) {
            to.append("<text class=\"sl").append(task ? " t" : "").append("\" x=\"").append(n(x1 + 3))
                    .append("\" y=\"").append(n(barTop + BAR - 3.5)).append("\">").append(Markup.escape(words))
                    .append("</text>");
        }
        StringBuilder title = new StringBuilder(lane.label()).append(": ");
        if (lane.server()) {
            title.append("vm_state ").append(segment.state()).append(", task_state ")
                    .append(task ? segment.task() : "None");
            if (!segment.power().isEmpty()) {
                title.append(", power_state ").append(segment.power());
            }
        } else {
            title.append(segment.state());
        }
        title.append("\n").append(when(segment.since()));
        if (segment.lasted()) {
            title.append(live ? " until now" : " until the end");
        } else {
            title.append(" to ").append(when(segment.until())).append(" (")
                    .append(duration(Duration.between(segment.since(), segment.until()).toMillis())).append(')');
        }
        title(to, title.toString());
        to.append("</a>\n");
    }

    /** States narrower than a pixel: one is drawn two pixels wide on its instant, several as one grey block. */
    private void run(StringBuilder to, Lane lane, Segment first, Segment last, int count, double barTop) {
        if (count == 1) {
            segment(to, lane, first, barTop, x(first.from()) - 1, 2);
            return;
        }
        double x1 = x(first.from());
        link(to, first.entry());
        rect(to, x1, barTop, Math.max(1, x(last.to()) - x1), "class=\"busy\"");
        title(to, lane.label() + ": " + count + " states from " + when(first.since()) + " to "
                + (last.lasted() ? (live ? "now" : "the end") : when(last.until())) + ", too close together to draw; the last: "
                + last.state()
                + (last.task().isEmpty() ? "" : " (" + last.task() + ")"));
        to.append("</a>\n");
    }

    private static void rect(StringBuilder to, double x, double y, double width, String paint) {
        to.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(BAR).append("\" ").append(paint).append("/>");
    }

    private void link(StringBuilder to, int entry) {
        if (live) {
            to.append("<a>"); // a group for the hover style and the tooltip: there is no transcript to link to
            return;
        }
        linked.set(entry);
        to.append("<a href=\"#e").append(entry).append("\">");
    }

    private static void title(StringBuilder to, String text) {
        to.append("<title>").append(Markup.escape(Markup.truncate(text, TITLE_CHARS))).append("</title>");
    }

    private double x(double seconds) {
        return LABEL_WIDTH + seconds / timeline.span * PLOT_WIDTH;
    }

    /** An instant as the titles tell it: the offset from the start, then the instant. */
    private String when(Instant at) {
        long millis = Duration.between(start, at).toMillis();
        return "[" + (millis >= 0 ? "+" : "") + duration(millis) + " " + at + "]";
    }

    /** Milliseconds as a short duration: {@code 0s}, {@code 250ms}, {@code 1.5s}, {@code 2m30s}, {@code -1h}. */
    static String duration(long millis) {
        if (millis == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder(millis < 0 ? "-" : "");
        long rest = Math.abs(millis);
        if (rest < 1000) {
            return text.append(rest).append("ms").toString();
        }
        long days = rest / 86_400_000L;
        long hours = rest / 3_600_000L % 24;
        long minutes = rest / 60_000L % 60;
        long seconds = rest / 1000 % 60;
        long ms = rest % 1000;
        if (days > 0) {
            text.append(days).append('d');
        }
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || ms > 0) {
            text.append(seconds);
            if (ms > 0) {
                String fraction = String.valueOf(1000 + ms).substring(1);
                text.append('.').append(fraction.replaceAll("0+$", ""));
            }
            text.append('s');
        }
        return text.toString();
    }

    /** A coordinate with one decimal at most, the same in every locale. */
    static String n(double value) {
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths);
        String digits = (whole / 10) + (whole % 10 == 0 ? "" : "." + whole % 10);
        return tenths < 0 ? "-" + digits : digits;
    }
}
