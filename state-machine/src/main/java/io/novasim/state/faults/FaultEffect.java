package io.novasim.state.faults;

import io.novasim.model.error.ApiError;
import io.novasim.model.server.TaskState;

import java.time.Duration;
import java.util.Objects;

/** What a fault does to the call it fires on. */
public sealed interface FaultEffect {

    /**
     * The effect as it fires: a length drawn from a distribution becomes the fixed length drawn.
     *
     * @param uniform uniform draws in [0, 1) from the simulator's seeded source
     */
    default FaultEffect drawn(java.util.function.DoubleSupplier uniform) {
        return this;
    }

    /** What the effect does, in the rule language's words (transcripts and reports say it). */
    String describe();

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

        @Override
        public String describe() {
            return "error " + code + " " + faultName + " \"" + message + "\""
                    + (retryAfter == null ? "" : ", retry after " + Latency.seconds(retryAfter));
        }

        /**
         * An error with the fault name Nova gives its code: {@code badRequest}, {@code forbidden},
         * {@code itemNotFound}, {@code conflictingRequest}, {@code overLimit} (413, 429), {@code serviceUnavailable},
         * else {@code computeFault}.
         */
        public static Error of(int code, String message) {
            return new Error(code, switch (code) {
                case 400 -> "badRequest";
                case 403 -> "forbidden";
                case 404 -> "itemNotFound";
                case 409 -> "conflictingRequest";
                case 413, 429 -> "overLimit";
                case 503 -> "serviceUnavailable";
                default -> "computeFault";
            }, message);
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

    /**
     * The call is accepted, and its asynchronous work takes {@code extra} longer than usual: a fixed length, or one
     * drawn from a distribution each time the rule fires (the fired fault holds the length drawn).
     */
    record Delay(Latency extra) implements FaultEffect {
        public Delay {
            java.util.Objects.requireNonNull(extra, "extra");
        }

        /** A fixed delay. */
        public Delay(Duration extra) {
            this(Latency.fixed(extra));
        }

        /** How much longer the work takes: known once the rule fired and the length was drawn. */
        public Duration length() {
            if (extra instanceof Latency.Fixed fixed) {
                return fixed.length();
            }
            throw new IllegalStateException("a delay's length is drawn when its rule fires: " + extra.describe());
        }

        @Override
        public FaultEffect drawn(java.util.function.DoubleSupplier uniform) {
            return extra instanceof Latency.Fixed ? this : new Delay(extra.draw(uniform));
        }

        @Override
        public String describe() {
            return "completion delayed by " + extra.describe();
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

        @Override
        public String describe() {
            return "stuck" + (task == null ? "" : " at " + task.value())
                    + (stuckFor == null ? " until released" : " for " + Latency.seconds(stuckFor));
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

        @Override
        public String describe() {
            return "completion fails with " + code + " \"" + message + "\"";
        }
    }

    /**
     * An effect on the answer rather than on the work: the call is handled as usual, and the API adapter changes how
     * its answer reaches the client.
     */
    sealed interface OnAnswer extends FaultEffect {
    }

    /**
     * The call is handled as usual and its answer comes {@code latency} later: on virtual time the clock moves on by
     * the length drawn before the answer; when the clock follows the wall clock, the answer waits that long (without
     * holding up other requests).
     */
    record SlowAnswer(Latency latency) implements OnAnswer {
        public SlowAnswer {
            java.util.Objects.requireNonNull(latency, "latency");
        }

        /** How long the answer waits: known once the rule fired and the length was drawn. */
        public Duration length() {
            if (latency instanceof Latency.Fixed fixed) {
                return fixed.length();
            }
            throw new IllegalStateException("an answer's latency is drawn when its rule fires: " + latency.describe());
        }

        @Override
        public FaultEffect drawn(java.util.function.DoubleSupplier uniform) {
            return latency instanceof Latency.Fixed ? this : new SlowAnswer(Latency.fixed(latency.draw(uniform)));
        }

        @Override
        public String describe() {
            return "answer delayed by " + latency.describe();
        }
    }

    /**
     * The call is handled as usual, and its answer is lost on the way: the HTTP server carries out {@code fault}; in
     * memory, the call fails with a transport failure of that kind.
     */
    record Transport(TransportFault fault) implements OnAnswer {
        public Transport {
            java.util.Objects.requireNonNull(fault, "fault");
        }

        @Override
        public String describe() {
            return "transport fault " + fault.jsonName() + ": " + fault.meaning();
        }
    }

    /**
     * The matched service is down: its own API answers as a load balancer with no server behind it does, and Nova's
     * calls that need it fail as Nova fails when it cannot reach it ({@link Outages}).
     */
    record Outage() implements FaultEffect {
        @Override
        public String describe() {
            return "outage: the service is down";
        }
    }

    /**
     * An override: the request is answered with this status, these headers and this body instead of by the
     * simulation, which never sees it (WireMock's stub, over the simulated APIs). Its match is a {@link RouteMatch}.
     */
    record Answer(int status, java.util.Map<String, String> headers, String body) implements FaultEffect {
        public Answer {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("effect.status must be an HTTP status, 100 to 599, not " + status);
            }
            headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String describe() {
            return "answered by the override: " + status + (headers.isEmpty() ? "" : " with " + headers.keySet());
        }
    }
}
