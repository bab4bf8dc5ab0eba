package io.novasim.state.outcome;

/** How a piece of asynchronous work ends. */
public sealed interface Completion {
    Completion SUCCESS = new Succeed();

    record Succeed() implements Completion {
    }

    /**
     * The work fails: the server keeps its vm_state (a build goes to ERROR with this as its fault) and the instance
     * action event ends with result Error.
     */
    record Fail(int code, String message, String details) implements Completion {
        public Fail {
            java.util.Objects.requireNonNull(message, "message");
        }
    }
}
