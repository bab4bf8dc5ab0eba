package io.novasim.state.command;

import java.util.Map;
import java.util.Objects;

/**
 * A request put to the fault plan's overrides before any API sees it: one may answer it instead. A command, so that a
 * snapshot's replay counts it as the run did.
 *
 * @param headers the request's headers that some override looks at (lower-case names)
 */
public record AnswerRoute(String method, String path, Map<String, String> headers) implements Command {
    public AnswerRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
    }

    @Override
    public String serverId() {
        return null;
    }
}
