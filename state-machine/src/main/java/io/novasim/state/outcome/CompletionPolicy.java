package io.novasim.state.outcome;

import io.novasim.model.server.Server;
import io.novasim.state.rules.Operation;

import java.time.Instant;

/** Decides, when asynchronous work falls due, whether it succeeds. The fault plan is one such policy. */
@FunctionalInterface
public interface CompletionPolicy {
    CompletionPolicy ALWAYS_SUCCEED = (operation, server, at) -> Completion.SUCCESS;

    Completion complete(Operation operation, Server server, Instant at);
}
