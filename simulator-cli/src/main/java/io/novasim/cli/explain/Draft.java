package io.novasim.cli.explain;

import io.novasim.cli.explain.Explanation.Check;
import io.novasim.cli.explain.Explanation.LaterFailure;
import io.novasim.cli.explain.Explanation.Microversion;
import io.novasim.state.rules.TransitionRule;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The parts of an explanation while one of the semantics classes fills them in. */
final class Draft {
    final List<Check> checks = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> atOnce = new ArrayList<>();
    final List<LaterFailure> laterFailures = new ArrayList<>();
    final List<Microversion> microversions = new ArrayList<>();
    Explanation.Later later;

    /** The fault plan is asked once the checks have passed: a rule of type error answers instead. */
    void faultRuleCheck() {
        checks.add(new Check("no fault rule of type error fires for the call (it answers with its own status, "
                + "fault name and message)", List.of()));
    }

    /** A fault rule of type fail: the call is accepted and its work fails. */
    void failRule(TransitionRule rule, String effect) {
        laterFailures.add(new LaterFailure(rule.computeEvent(), Placeholders.RULE_MESSAGE,
                "a fault rule of type fail fires for the call", effect));
    }

    /** {@code 1s}, {@code 1.5s}, {@code 500ms}. */
    static String time(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 && millis > 0) {
            return millis + "ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }

    /** The default duration, and how to change it. */
    static String defaultTime(Duration duration, TransitionRule rule) {
        return time(duration) + " by default (serve --duration " + rule.operation().name() + "=...)";
    }
}
