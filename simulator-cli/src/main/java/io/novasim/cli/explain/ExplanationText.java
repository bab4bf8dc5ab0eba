package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.Check;
import io.novasim.cli.explain.Explanation.LaterFailure;
import io.novasim.cli.explain.Explanation.Refused;

import java.util.List;

/** Writes explanations as plain text: one operation in full, or every operation on a line. */
public final class ExplanationText {
    private static final String INDENT = "  ";

    private ExplanationText() {
    }

    /** One line per operation: its names, what it does, its request and how it completes. */
    public static String index(List<Explanation> explanations) {
        int width = explanations.stream().mapToInt(e -> names(e).length()).max().orElse(0);
        StringBuilder out = new StringBuilder("Operations (novasim explain NAME explains one):\n");
        for (Explanation e : explanations) {
            out.append(INDENT).append(String.format("%-" + width + "s", names(e))).append("  ").append(e.title())
                    .append(": ").append(requestLine(e.call().request())).append(", ")
                    .append(e.call().status()).append(e.later() == null ? ", done at once"
                            : ", done after " + Draft.time(e.later().duration())).append('\n');
        }
        return out.toString();
    }

    private static String names(Explanation e) {
        return e.aliases().isEmpty() ? e.name() : e.name() + " (" + String.join(", ", e.aliases()) + ")";
    }

    /** The whole explanation of one operation, ending with a newline. */
    public static String render(Explanation e) {
        StringBuilder out = new StringBuilder();
        out.append(e.name()).append(": ").append(e.title()).append('\n');
        if (!e.aliases().isEmpty()) {
            out.append("Also named: ").append(String.join(", ", e.aliases())).append('\n');
        }

        section(out, "Request (as a Nova v2.1 client sends it)");
        line(out, requestLine(e.call().request()));
        if (e.call().request().body() != null) {
            line(out, e.call().request().body());
        }
        line(out, "success: " + e.call().status() + ", " + e.call().answer());
        if (e.call().origin() != null) {
            line(out, "note: " + e.call().origin());
        }

        section(out, "Accepted when (checked in this order; the first that fails is the answer)");
        int number = 1;
        for (Check check : e.checks()) {
            line(out, String.format("%2d. %s", number++, check.condition()));
        }
        for (String note : e.notes()) {
            line(out, "note: " + note);
        }

        section(out, "At once (when the answer arrives)");
        e.atOnce().forEach(fact -> line(out, "- " + fact));

        if (e.later() != null) {
            section(out, "Later (" + Draft.time(e.later().duration()) + " by default; serve --duration "
                    + e.operation().name() + "=... changes it)");
            e.later().steps().forEach(step -> line(out, "- " + step));
        }

        if (!e.microversions().isEmpty()) {
            section(out, "Microversions");
            for (Explanation.Microversion m : e.microversions()) {
                line(out, "2." + m.minor() + " and later: " + m.change() + "; below: " + m.before());
            }
        }

        section(out, "Failures");
        line(out, "Refused at once; nothing changes (status, fault name, [refusal id], message):");
        for (Refused refusal : e.refusals()) {
            line(out, INDENT + String.format("%d %-18s [%s] %s", refusal.status(), refusal.faultName(),
                    refusal.refusal(), refusal.message()));
            line(out, INDENT + "    when " + refusal.when());
        }
        if (!e.laterFailures().isEmpty()) {
            line(out, "Fails after it was accepted; seen on the instance action (message Error), not in the answer:");
            for (LaterFailure failure : e.laterFailures()) {
                line(out, INDENT + "event " + failure.event() + " Error"
                        + (failure.message() == null ? "" : ": " + failure.message()));
                line(out, INDENT + "    when " + failure.when() + "; then " + failure.effect());
            }
        }
        if (e.later() != null) {
            line(out, "A fault rule of type delay or stuck makes the work take longer, or hold until released.");
        }

        whatCanGoWrong(out, e);

        section(out, "Dialects (what differs from Nova v2.1)");
        for (Explanation.DialectNote note : e.dialects()) {
            line(out, note.dialect() + ": " + note.request());
            if (note.differences().isEmpty()) {
                line(out, INDENT + "nothing else");
            }
            note.differences().forEach(difference -> line(out, INDENT + "- " + difference));
        }
        return out.toString();
    }

    /** The fault rules that can act on the operation, and what Nova does while a service it needs is down. */
    private static void whatCanGoWrong(StringBuilder out, Explanation e) {
        section(out, "What can go wrong (fault rules; see the README's Faults)");
        String name = e.operation().name().toLowerCase(java.util.Locale.ROOT);
        line(out, "A rule matches it with {\"match\": {\"operations\": [\"" + name + "\"]}, ...}; its effect:");
        line(out, INDENT + "error        the rule's status and message at once; nothing changes");
        line(out, INDENT + "slow_answer  handled as usual; the answer comes later (virtual time moves on by the length)");
        line(out, INDENT + "transport    handled as usual; the answer is lost: reset, empty, truncated, malformed, stall");
        if (e.later() != null) {
            line(out, INDENT + "delay        the work takes longer (seconds, or a latency drawn from a distribution)");
            line(out, INDENT + "stuck        the work holds at a task_state, for a time or until released");
            line(out, INDENT + "fail         the work fails after the answer");
        }
        io.novasim.state.faults.FaultTarget call = io.novasim.state.faults.FaultTarget.server(e.operation(),
                "<server>", "<name>", "<project>").withImage("<image>").withPort("<port>");
        for (io.novasim.state.faults.Service down : io.novasim.state.faults.Outages.needs(call)) {
            String consequence;
            try {
                io.novasim.state.faults.FaultEffect effect = io.novasim.state.faults.Outages.consequence(call, down);
                consequence = "accepted, then its work fails (" + effect.describe() + ")";
            } catch (io.novasim.model.error.ComputeException refused) {
                consequence = refused.code() + " " + refused.faultName() + " " + refused.getMessage()
                        .replace("\n", " ") + "; nothing changes";
            }
            line(out, "While " + down.project() + " is down ({\"match\": {\"service\": \"" + down.jsonName()
                    + "\"}, \"effect\": {\"type\": \"outage\"}}):");
            line(out, INDENT + consequence);
        }
    }

    private static String requestLine(Explanation.Request request) {
        return request.method() + " " + request.path();
    }

    private static void section(StringBuilder out, String title) {
        out.append('\n').append(title).append('\n');
    }

    private static void line(StringBuilder out, String text) {
        out.append(INDENT).append(text).append('\n');
    }
}
