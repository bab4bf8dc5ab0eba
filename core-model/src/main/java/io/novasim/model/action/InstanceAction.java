package io.novasim.model.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request that changed a server, as Nova records it for {@code os-instance-actions}: keyed by the request id of the
 * API call that started it. An event that ends in error sets {@code message} to {@code "Error"}, which is how a client
 * sees that asynchronous work failed.
 */
public record InstanceAction(String action, String serverId, String requestId, String userId, String projectId,
                             Instant startTime, Instant updatedAt, String message,
                             List<InstanceActionEvent> events) {
    public static final String ERROR_MESSAGE = "Error";

    public InstanceAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(updatedAt, "updatedAt");
        events = List.copyOf(events);
    }

    public static InstanceAction started(String action, String serverId, String requestId, String userId,
                                         String projectId, Instant at) {
        return new InstanceAction(action, serverId, requestId, userId, projectId, at, at, null, List.of());
    }

    public InstanceAction withEvent(InstanceActionEvent event, Instant at) {
        List<InstanceActionEvent> more = new ArrayList<>(events.size() + 1);
        more.addAll(events);
        more.add(event);
        String newMessage = InstanceActionEvent.ERROR.equals(event.result()) ? ERROR_MESSAGE : message;
        return new InstanceAction(action, serverId, requestId, userId, projectId, startTime, at, newMessage, more);
    }

    /** Replaces the running event of that name with its finished form. */
    public InstanceAction withFinishedEvent(InstanceActionEvent finished) {
        List<InstanceActionEvent> updated = new ArrayList<>(events.size());
        boolean replaced = false;
        for (InstanceActionEvent e : events) {
            if (!replaced && !e.finished() && e.event().equals(finished.event())) {
                updated.add(finished);
                replaced = true;
            } else {
                updated.add(e);
            }
        }
        if (!replaced) {
            updated.add(finished);
        }
        String newMessage = InstanceActionEvent.ERROR.equals(finished.result()) ? ERROR_MESSAGE : message;
        return new InstanceAction(action, serverId, requestId, userId, projectId, startTime, finished.finishTime(),
                newMessage, updated);
    }

    public boolean failed() {
        return ERROR_MESSAGE.equals(message);
    }
}
