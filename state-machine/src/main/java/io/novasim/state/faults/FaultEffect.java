package io.novasim.state.faults;

import io.novasim.model.error.ApiError;
import io.novasim.model.server.TaskState;

import java.time.Duration;
import java.util.Objects;

/** What a fault does to the call it fires on. */
public sealed interface FaultEffect {

    /**
     * The API answers with this error at once; nothing is applied. With {@code retryAfter}, the answer tells the
     * client when to try again, as a service that is overloaded or rate-limited does (a {@code Retry-After} header).
     */
    record Error(int code, String faultName, String message, Duration retryAfter) implements FaultEffect {
        public Error {
            Objects.requireNonNull(faultName, "faultName");
            Objects.requireNonNull(message, "message");
            if (code < 400 || code > 599) {
                throw new IllegalArgumentException("an API error has a 4xx or 5xx code: " + code);
            }
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retry_after must not be negative: " + retryAfter);
            }
        }

        /** An error that tells no time to try again. */
        public Error(int code, String faultName, String message) {
            this(code, faultName, message, null);
        }

        /** The same error, telling the client to try again after {@code wait}. */
        public Error retryingAfter(Duration wait) {
            return new Error(code, faultName, message, wait);
        }

        public ApiError toException() {
            return ApiError.ofFaultRule(code, faultName, message, retryAfter);
        }

        /** Nova's 429 for too many requests (its fault name {@code overLimit}). */
        public static Error tooManyRequests(String message) {
            return new Error(429, "overLimit", message);
        }

        /** Nova's 500 for an unexpected failure. */
        public static Error computeFault(String message) {
            return new Error(500, "computeFault", message);
        }

        public static Error serviceUnavailable(String message) {
            return new Error(503, "serviceUnavailable", message);
        }
    }

    /** The call is accepted, and its asynchronous work takes {@code extra} longer than usual. */
    record Delay(Duration extra) implements FaultEffect {
        public Delay {
            if (extra.isNegative()) {
                throw new IllegalArgumentException("negative delay: " + extra);
            }
        }
    }

    /**
     * The call is accepted and its work stops when the server shows {@code task} (the last task_state of the
     * operation when {@code null}): for {@code stuckFor}, or until released when {@code stuckFor} is {@code null}.
     * Work without a task_state (a detach, a media action) stops before it completes.
     */
    record Stuck(TaskState task, Duration stuckFor) implements FaultEffect {
        public Stuck {
            if (stuckFor != null && stuckFor.isNegative()) {
                throw new IllegalArgumentException("negative duration: " + stuckFor);
            }
        }
    }

    /**
     * The call is accepted but its asynchronous work fails: a detach leaves the attachment in place, a volume attach
     * vanishes, a build ends in ERROR with this fault. A synchronous call (interface attach) answers Nova's 500.
     */
    record FailCompletion(int code, String message) implements FaultEffect {
        public FailCompletion {
            Objects.requireNonNull(message, "message");
        }
    }
}
