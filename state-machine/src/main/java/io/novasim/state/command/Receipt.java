package io.novasim.state.command;

import io.novasim.model.server.Server;

/**
 * What an accepted command returns at once: its request id (the key of its instance action) and the server as the
 * API leaves it, before any asynchronous work has run.
 *
 * @param server    the server after the command, or {@code null} for nothing (never for the commands of today)
 * @param adminPass the password a rescue hands out, else {@code null}
 */
public record Receipt(String requestId, Server server, String adminPass) {
}
