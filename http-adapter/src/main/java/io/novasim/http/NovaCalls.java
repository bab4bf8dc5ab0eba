package io.novasim.http;

import io.novasim.state.command.NovaOperations;
import io.novasim.state.log.SimEvent;
import io.novasim.state.rules.Operation;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of Nova's operations each request called, as the engine's commands tell it (refused ones too), for the journal
 * to name: noted as the command runs, taken once as the request is journaled.
 */
final class NovaCalls {
    /** Left by commands no journaled request takes (the control plane's, a replay's): cleared past this. */
    private static final int MOST_KEPT = 1024;
    private final Map<String, String> byRequest = new ConcurrentHashMap<>();

    void note(SimEvent event) {
        if (event instanceof SimEvent.Executed executed && executed.requestId() != null) {
            Operation operation = NovaOperations.of(executed.command());
            if (operation != null) {
                if (byRequest.size() >= MOST_KEPT) {
                    byRequest.clear();
                }
                byRequest.putIfAbsent(executed.requestId(), operation.name().toLowerCase(Locale.ROOT));
            }
        }
    }

    void clear() {
        byRequest.clear();
    }

    String take(String requestId) {
        return byRequest.isEmpty() ? null : byRequest.remove(requestId);
    }
}
