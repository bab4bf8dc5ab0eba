package io.novasim.state.command;

import io.novasim.state.rules.Operation;

import java.util.Objects;

/** Run a lifecycle operation on an existing server (everything but create, attach and detach). */
public record Perform(String serverId, Operation operation) implements Command {
    public Perform {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(operation, "operation");
        if (operation == Operation.CREATE || operation.kind() != Operation.Kind.LIFECYCLE) {
            throw new IllegalArgumentException(operation + " has a command of its own");
        }
    }
}
