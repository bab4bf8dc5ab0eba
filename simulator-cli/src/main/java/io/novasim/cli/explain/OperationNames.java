package io.novasim.cli.explain;

import io.novasim.cli.scenario.NamedOperations;
import io.novasim.cli.states.StateDiagram;
import io.novasim.state.rules.Operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names {@code explain} accepts: every operation's command-line name ({@code detach-volume}, the name
 * {@code novasim states} prints), its enum name ({@code DETACH_VOLUME}, {@code detach_volume}) and every name a
 * scenario's {@code operation:} step uses, case-insensitively.
 */
final class OperationNames {
    /** Scenario names that are not an operation's own name: a scenario's reboot is soft unless it says HARD. */
    private static final Map<String, Operation> SCENARIO_ALIASES = Map.of("reboot", Operation.REBOOT_SOFT);

    private static final Map<String, Operation> BY_NAME = byName();

    private OperationNames() {
    }

    private static Map<String, Operation> byName() {
        Map<String, Operation> names = new LinkedHashMap<>();
        for (Operation operation : Operation.values()) {
            names.put(StateDiagram.name(operation), operation);
        }
        for (String scenarioName : NamedOperations.names()) {
            Operation operation = names.containsKey(scenarioName) ? names.get(scenarioName)
                    : SCENARIO_ALIASES.get(scenarioName);
            if (operation == null) {
                throw new IllegalStateException("the scenario operation '" + scenarioName + "' names no operation");
            }
            names.putIfAbsent(scenarioName, operation);
        }
        return names;
    }

    /** The operation a name means, if any. */
    static Optional<Operation> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    /** Every accepted name in its command-line spelling, operations first, in {@link Operation} order. */
    static List<String> known() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The names other than its own that mean {@code operation}. */
    static List<String> aliasesOf(Operation operation) {
        List<String> aliases = new ArrayList<>();
        BY_NAME.forEach((name, op) -> {
            if (op == operation && !name.equals(StateDiagram.name(operation))) {
                aliases.add(name);
            }
        });
        return aliases;
    }

    /** The scenario name whose request is this operation's, or {@code null} when scenarios have none. */
    static String scenarioName(Operation operation) {
        if (operation == Operation.REBOOT_HARD) {
            return "reboot"; // with type HARD
        }
        String own = StateDiagram.name(operation);
        if (NamedOperations.names().contains(own)) {
            return own;
        }
        return aliasesOf(operation).stream().filter(NamedOperations.names()::contains).findFirst().orElse(null);
    }
}
