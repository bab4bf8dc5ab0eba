package io.novasim.model.server;

import java.time.Instant;
import java.util.Objects;

/** The {@code fault} of a server that went to ERROR: what Nova stores in its instance_faults table. */
public record ServerFault(int code, String message, String details, Instant created) {
    public ServerFault {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
    }
}
