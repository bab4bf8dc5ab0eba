package io.novasim.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 2s}, {@code 1.5m}, {@code 1h}, or ISO-8601. */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ms", 1_000_000L, "s", 1_000_000_000L,
            "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private DurationText() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        if (t.equals("0")) {
            duration = Duration.ZERO;
        } else if (t.startsWith("p")) {
            try {
                duration = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        } else {
            Matcher m = SHORT.matcher(t);
            if (!m.matches()) {
                throw invalid(text);
            }
            BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2))));
            try {
                duration = Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
            } catch (ArithmeticException tooLong) {
                throw new IllegalArgumentException("duration too long: '" + text + "'");
            }
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: '" + text + "'");
        }
        return duration;
    }

    /** A duration as {@link #parse} reads it: whole hours, minutes or seconds, else seconds with decimals. */
    public static String format(Duration d) {
        if (d.getNano() == 0 && d.getSeconds() % 3600 == 0) {
            return d.toHours() + "h";
        }
        if (d.getNano() == 0 && d.getSeconds() % 60 == 0) {
            return d.toMinutes() + "m";
        }
        return new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).stripTrailingZeros()
                .toPlainString() + "s";
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 2s, 1m, 1h or PT2S)");
    }
}
