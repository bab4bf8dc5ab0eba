package io.novasim.state.command;

/** A request that may change the simulated cloud. Commands are values, so a log of them can be replayed. */
public sealed interface Command permits CreateServer, Perform, LockServer {
    /** The server it acts on, or {@code null} when it makes a new one. */
    String serverId();
}
