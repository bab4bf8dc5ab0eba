package io.novasim.model.action;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an instance action, as Nova's {@code instance_actions_events} rows: named {@code compute_<method>} for
 * work done by nova-compute or {@code api_<name>} for work done inline by the API.
 *
 * @param finishTime {@code null} while the event runs
 * @param result     {@code null} while the event runs, then {@link #SUCCESS} or {@link #ERROR}
 * @param traceback  what went wrong, for an {@link #ERROR} result; otherwise {@code null}
 */
public record InstanceActionEvent(String event, Instant startTime, Instant finishTime, String result,
                                  String traceback) {
    public static final String SUCCESS = "Success";
    public static final String ERROR = "Error";

    public InstanceActionEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(startTime, "startTime");
    }

    public static InstanceActionEvent started(String event, Instant at) {
        return new InstanceActionEvent(event, at, null, null, null);
    }

    public boolean finished() {
        return finishTime != null;
    }

    public InstanceActionEvent succeeded(Instant at) {
        return new InstanceActionEvent(event, startTime, at, SUCCESS, null);
    }

    public InstanceActionEvent failed(Instant at, String why) {
        return new InstanceActionEvent(event, startTime, at, ERROR, why);
    }
}
