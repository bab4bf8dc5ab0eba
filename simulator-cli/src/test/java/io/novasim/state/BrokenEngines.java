package io.novasim.state;

/** Reaches the engine's test-only switch from another module's tests: a broken engine for explore to catch. */
public final class BrokenEngines {
    private BrokenEngines() {
    }

    /** A failed volume detach no longer rolls back: the volume stays detaching with nothing in flight. */
    public static Cloud withoutRollbackOfFailedDetach(Cloud cloud) {
        cloud.withoutRollbackOfFailedDetach();
        return cloud;
    }
}
