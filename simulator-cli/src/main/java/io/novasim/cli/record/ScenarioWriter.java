package io.novasim.cli.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.novasim.RecordedRequest;
import io.novasim.http.compute.ComputeDialect;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Recording} as a scenario file: a comment header, the seed, then one {@code request} step per
 * journaled request expecting the status it got, the control plane's actions among them ({@code fault} steps, and
 * requests to {@code /__sim/v1} as the admin for removals, releases and forced states), and an {@code advance} step
 * wherever virtual time moved between two of them. Bodies are written as JSON, which YAML reads as flow collections.
 */
final class ScenarioWriter {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
    /** The journal keeps a body's first 4 KiB. */
    private static final int KEPT_BODY = 4096;
    private static final String DEFAULT_USER = "demo";
    private static final String DEFAULT_PROJECT = "demo";

    private final StringBuilder out = new StringBuilder();

    private ScenarioWriter() {
    }

    /** The scenario file of a recording. */
    static String write(Recording recording) {
        return new ScenarioWriter().file(recording);
    }

    private String file(Recording recording) {
        List<Timeline.Entry> entries = Timeline.of(recording.requests(), recording.history(), recording.since());
        List<RecordedRequest> sent = entries.stream().filter(e -> e instanceof Timeline.Sent)
                .map(e -> ((Timeline.Sent) e).request()).toList();
        String range = sent.isEmpty() ? "no requests"
                : sent.size() == 1 ? "journal request " + sent.get(0).sequence()
                : "journal requests " + sent.get(0).sequence() + " to " + sent.get(sent.size() - 1).sequence();
        comment("Recorded by novasim record from " + recording.source() + " at " + recording.recordedAt()
                + " (wall clock).");
        comment(Character.toUpperCase(range.charAt(0)) + range.substring(1) + (sent.isEmpty() ? ""
                : sent.size() == 1 ? ", virtual time " + sent.get(0).virtualTime()
                : ", virtual time " + sent.get(0).virtualTime() + " to " + sent.get(sent.size() - 1).virtualTime())
                + "; seed " + recording.seed() + ", clock speed " + number(recording.clockSpeed()) + ".");
        comment("Replay with `novasim run FILE`, on the built-in demo world with default timings (as `novasim serve` "
                + "without --setup or --duration).");
        comment("Each step notes the original's journal sequence, request id and virtual time. Ids match in the "
                + "replay: they come from the seed, in the order the requests came.");
        if (recording.since() > 1) {
            comment("Only from journal sequence " + recording.since() + " (--since): the replay starts from a fresh "
                    + "world without the earlier requests.");
        }
        for (String warning : warnings(recording)) {
            comment("WARNING: " + warning);
        }
        out.append("description: ").append(quote("recorded from " + recording.source() + ", " + range)).append('\n');
        out.append("seed: ").append(recording.seed()).append('\n');
        if (entries.isEmpty()) {
            out.append("steps: []\n");
            return out.toString();
        }
        out.append("steps:\n");
        Instant now = recording.began();
        for (Timeline.Entry entry : entries) {
            Instant at = recording.clockSpeed() > 0 ? entry.at().truncatedTo(ChronoUnit.MILLIS) : entry.at();
            if (at.isAfter(now)) {
                out.append("  - advance: ").append(io.novasim.cli.DurationText.format(Duration.between(now, at))).append('\n');
                now = at;
            }
            step(entry);
        }
        return out.toString();
    }

    /** What may make the replay go differently from the recorded run, beyond single steps (which note their own). */
    static List<String> warnings(Recording recording) {
        List<String> warnings = new java.util.ArrayList<>();
        if (recording.clockSpeed() > 0) {
            warnings.add("the clock followed the wall clock, so the advances are the times between answers, to the "
                    + "millisecond: work due within that much of a request may finish on its other side in the "
                    + "replay.");
        }
        if (recording.dropped() > 0 && recording.since() <= 1) {
            warnings.add("the journal's bound pushed out the " + recording.dropped() + " oldest requests since the "
                    + "last reset: the file starts without them, so the replay may go differently.");
        }
        warnings.addAll(recording.notes());
        return warnings;
    }

    private void step(Timeline.Entry entry) {
        if (entry instanceof Timeline.Sent sent) {
            request(sent.request());
        } else if (entry instanceof Timeline.FaultAdded added) {
            stepComment("the control plane added fault rule " + added.rule().path("id").asText() + " at "
                    + added.at());
            out.append("  - fault: ").append(flow(added.rule())).append('\n');
        } else if (entry instanceof Timeline.FaultRemoved removed) {
            control("removed fault rule " + removed.ruleId(), removed.at(), "DELETE",
                    "/__sim/v1/faults/" + removed.ruleId(), null);
        } else if (entry instanceof Timeline.Released released) {
            control("released server " + released.serverId(), released.at(), "POST",
                    "/__sim/v1/servers/" + released.serverId() + "/release", null);
        } else if (entry instanceof Timeline.StateForced forced) {
            control("forced server " + forced.serverId() + " to " + forced.vmState(), forced.at(), "POST",
                    "/__sim/v1/servers/" + forced.serverId() + "/state", "{\"vm_state\": " + quote(forced.vmState())
                            + "}");
        }
    }

    /** A control-plane action, sent as the admin; its answer was not recorded, so nothing is expected of it. */
    private void control(String what, Instant at, String method, String path, String body) {
        stepComment("the control plane " + what + " at " + at);
        out.append("  - request:\n");
        field("method", method);
        field("path", quote(path));
        if (body != null) {
            field("body", body);
        }
        field("user", quote("admin"));
        field("project", quote("admin"));
    }

    private void request(RecordedRequest request) {
        stepComment(request.sequence() + " " + request.requestId() + " at " + request.virtualTime());
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            stepComment("left out: a scenario cannot send " + request.requestLine() + " (" + request.status() + ")");
            return;
        }
        String path = request.path() + (request.query() == null || request.query().isEmpty() ? ""
                : "?" + request.query());
        if (path.contains("${")) {
            stepComment("WARNING: the replay reads ${...} in the path as a saved value");
        }
        String body = body(request);
        String user = request.userName();
        String project = request.projectName();
        if (Timeline.CONTROL_USER.equals(user)) {
            stepComment("sent with the control token: replayed as the admin");
            user = "admin";
            project = "admin";
        }
        for (ComputeDialect dialect : ComputeDialect.all()) {
            if (dialect.basicAuth() && request.path().startsWith(dialect.mount() + "/") && user != null) {
                stepComment("WARNING: " + dialect.name() + " takes Basic authentication: add headers: "
                        + "{Authorization: ...} for " + user);
            }
        }
        out.append("  - request:\n");
        field("method", method);
        field("path", quote(path));
        if (body != null) {
            field("body", body);
        }
        if (user == null) {
            field("user", quote("none"));
        } else {
            if (!DEFAULT_USER.equals(user)) {
                field("user", quote(user));
            }
            if (!DEFAULT_PROJECT.equals(project)) {
                field("project", quote(project));
            }
        }
        if (request.microversion() != null) {
            field("microversion", quote(request.microversion()));
        }
        out.append("    expect: {status: ").append(request.status()).append("}\n");
    }

    /** The body as a YAML value: JSON as flow collections; anything else as a string, with a note. */
    private String body(RecordedRequest request) {
        String body = request.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        if (body.contains("${")) {
            stepComment("WARNING: the replay reads ${...} in the body as a saved value");
        }
        try {
            return flow(JSON.readTree(body));
        } catch (JsonProcessingException notJson) {
            stepComment(body.length() >= KEPT_BODY
                    ? "WARNING: the journal kept only the first 4 KiB of this body, which is no JSON then"
                    : "the body was no JSON: the replay sends it as a JSON string");
            return quote(body);
        }
    }

    private void field(String name, String value) {
        out.append("      ").append(name).append(": ").append(value).append('\n');
    }

    /** A header comment, wrapped at word boundaries to lines of at most 118 characters. */
    private void comment(String text) {
        StringBuilder line = new StringBuilder("#");
        for (String word : oneLine(text).split(" ")) {
            if (line.length() > 1 && line.length() + 1 + word.length() > 118) {
                out.append(line).append('\n');
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        out.append(line).append('\n');
    }

    private void stepComment(String text) {
        out.append("  # ").append(oneLine(text)).append('\n');
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }

    /** A JSON value as a YAML flow value that reads back as the same JSON. */
    static String flow(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isObject()) {
            StringBuilder s = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                s.append(quote(field.getKey())).append(": ").append(flow(field.getValue()));
                if (fields.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(flow(node.get(i)));
            }
            return s.append(']').toString();
        }
        if (node.isTextual()) {
            return quote(node.asText());
        }
        if (node.isFloatingPointNumber()) {
            // YAML 1.1 reads 1.0E10 as a string: write the digits, and keep a point so it stays a decimal
            String digits = node.decimalValue().toPlainString();
            return digits.contains(".") ? digits : digits + ".0";
        }
        return node.asText(); // integers and booleans
    }

    /**
     * A YAML double-quoted string: {@code "} and {@code \} escaped, and every character YAML does not take as printable
     * (control characters, lone surrogates, U+FFFE and U+FFFF) as {@code \\uXXXX}; line separators too, so that a
     * value stays on one line.
     */
    static String quote(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                s.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == 0x2028
                    || c == 0x2029 || c == 0xfffe || c == 0xffff) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }


    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value)
                : Double.toString(value);
    }
}
