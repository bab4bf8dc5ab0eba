package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.DialectNote;
import io.novasim.cli.explain.Explanation.Refused;
import io.novasim.http.compute.ComputeDialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each dialect does differently for one operation, read from the dialect's own data and functions
 * ({@link ComputeDialect#successCode}, {@link ComputeDialect#rewrite}, {@link ComputeDialect#faultBody}): the same
 * calls the compute API makes when it answers in that dialect.
 */
final class DialectDifferences {
    private static final ComputeDialect NOVA = ComputeDialect.NOVA;
    private static final String ERROR_ID = "<errorid>";

    private DialectDifferences() {
    }

    static List<DialectNote> of(Explanation explanation) {
        List<DialectNote> notes = new ArrayList<>();
        for (ComputeDialect dialect : ComputeDialect.all()) {
            if (dialect != NOVA) {
                notes.add(note(dialect, explanation));
            }
        }
        return notes;
    }

    private static DialectNote note(ComputeDialect dialect, Explanation explanation) {
        Explanation.Call call = explanation.call();
        Explanation.Request request = call.request();
        String path = request.path().startsWith(NOVA.mount() + "/")
                ? dialect.baseUrl("") + request.path().substring(NOVA.mount().length()) : request.path();
        List<String> differences = new ArrayList<>();
        if (dialect.basicAuth()) {
            differences.add("it authenticates with HTTP Basic (Authorization: Basic ...) instead of a Keystone token; a "
                    + "wrong credential is a plain-text 401");
        }
        int status = dialect.successCode(request.method(), request.path(), call.status());
        if (status != call.status()) {
            differences.add("a success is " + status + " instead of " + call.status());
        }
        if (!call.hasBody() && !dialect.emptyContentType().equals(NOVA.emptyContentType())) {
            differences.add("the empty answer has Content-Type " + dialect.emptyContentType() + " (Nova: "
                    + NOVA.emptyContentType() + ")");
        }
        if (!dialect.openstackRequestId()) {
            differences.add("answers carry X-Compute-Request-Id only, no x-openstack-request-id");
        }
        if (!dialect.microversions()) {
            StringBuilder line = new StringBuilder("no microversions: every call is 2.1");
            for (Explanation.Microversion microversion : explanation.microversions()) {
                line.append("; so, as below 2.").append(microversion.minor()).append(", ")
                        .append(microversion.before());
            }
            differences.add(line.toString());
        }
        differences.addAll(refusals(dialect, explanation.refusals()));
        bodySpelling(dialect, explanation.refusals()).ifPresent(differences::add);
        if (dialect.methodNotAllowed()) {
            differences.add("a URL or method the API does not route is 405 badMethod (Nova: 404)");
        }
        return new DialectNote(dialect.name(), request.method() + " " + path, status, differences);
    }

    /** The refusals the dialect answers otherwise, grouped when several become the same answer. */
    private static List<String> refusals(ComputeDialect dialect, List<Refused> refusals) {
        Map<String, List<String>> byAnswer = new LinkedHashMap<>();
        for (Refused refusal : refusals) {
            Refused translated = translate(dialect, refusal);
            Map<String, Object> body = faultBody(dialect, translated);
            String faultName = body.keySet().iterator().next();
            Map<?, ?> inner = (Map<?, ?>) body.get(faultName);
            Object message = inner.get("message");
            if (translated.status() == refusal.status() && faultName.equals(refusal.faultName())
                    && refusal.message().equals(message) && inner.size() == 2) {
                continue;
            }
            List<String> extras = inner.keySet().stream().map(Object::toString)
                    .filter(key -> !key.equals("code") && !key.equals("message")).toList();
            String answer = translated.status() + " " + faultName + " " + message
                    + (extras.isEmpty() ? "" : " (the body adds " + String.join(" and ", extras) + ")");
            byAnswer.computeIfAbsent(answer, k -> new ArrayList<>()).add(line(refusal));
        }
        List<String> lines = new ArrayList<>();
        byAnswer.forEach((answer, novaAnswers) -> lines.add(novaAnswers.size() == 1
                ? novaAnswers.get(0) + " is " + answer
                : "each of these is " + answer + ": " + String.join("; ", novaAnswers)));
        return lines;
    }

    /**
     * How the dialect writes a fault body, when that differs from Nova's writing of the same fault; shown on a
     * refusal of the operation's own (a 409 when it has one), which the dialect neither rewrites nor replaces.
     */
    private static Optional<String> bodySpelling(ComputeDialect dialect, List<Refused> refusals) {
        List<Refused> plain = refusals.stream()
                .filter(refusal -> refusal.status() != 401 && refusal.status() != 404 && refusal.status() != 406)
                .filter(refusal -> dialect.rewrite(refusal.refusal()).isEmpty()).toList();
        Optional<Refused> example = plain.stream().filter(refusal -> refusal.status() == 409).findFirst()
                .or(() -> plain.stream().findFirst());
        if (example.isEmpty()) {
            return Optional.empty();
        }
        String written = new String(dialect.writer().apply(faultBody(dialect, example.get())),
                java.nio.charset.StandardCharsets.UTF_8);
        String novaWritten = new String(NOVA.writer().apply(faultBody(NOVA, example.get())),
                java.nio.charset.StandardCharsets.UTF_8);
        if (written.equals(novaWritten)) {
            return Optional.empty();
        }
        return Optional.of((dialect.messageFirst() ? "a fault body lists message before code: "
                : "a fault body is written ") + written);
    }

    /** The refusal as the dialect answers it: its own refusal when it rewrites this one. */
    private static Refused translate(ComputeDialect dialect, Refused refusal) {
        return dialect.rewrite(refusal.refusal()).map(answer -> new Refused(answer, answer.status(),
                answer.faultName(), answer.message(), refusal.when())).orElse(refusal);
    }

    /** The fault body the dialect writes for the refusal; the dialects that number errors get a placeholder id. */
    private static Map<String, Object> faultBody(ComputeDialect dialect, Refused refusal) {
        return dialect.faultBody(refusal.status(), refusal.faultName(), refusal.message(),
                dialect == NOVA ? null : ERROR_ID);
    }

    static String line(Refused refusal) {
        return refusal.status() + " " + refusal.faultName() + " " + refusal.message();
    }
}
