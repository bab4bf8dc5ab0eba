package io.novasim.state.command;

import io.novasim.state.rules.Operation;

import java.util.Objects;

/** Run a lifecycle operation on an existing server (everything but create). */
public record Perform(String serverId, Operation operation) implements Command {
    public Perform {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(operation, "operation");
        if (operation == Operation.CREATE) {
            throw new IllegalArgumentException("create is a CreateServer command");
        }
    }
}
