package io.novasim.cli;

import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** One {@code --duration OPERATION=DURATION}: how long an operation's asynchronous part takes in virtual time. */
record TimingOverride(Operation operation, Duration duration) {

    static TimingOverride parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected OPERATION=DURATION, e.g. DETACH_INTERFACE=2s, not '"
                    + text + "'");
        }
        return new TimingOverride(operation(text.substring(0, eq)), DurationText.parse(text.substring(eq + 1)));
    }

    /** Case-insensitive, and dashes for underscores: {@code detach-interface} is {@code DETACH_INTERFACE}. */
    static Operation operation(String name) {
        return Operation.named(name);
    }

    static Timings apply(Timings base, List<TimingOverride> overrides) {
        Timings timings = base;
        for (TimingOverride override : overrides) {
            timings = timings.with(override.operation(), override.duration());
        }
        return timings;
    }

    /** Turns a bad value into picocli's usage error (exit code 2) with our message. */
    static final class Converter implements ITypeConverter<TimingOverride> {
        @Override
        public TimingOverride convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The operation names, for the option's help text. */
    static final class OperationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Operation.values()).map(Enum::name).iterator();
        }
    }
}
