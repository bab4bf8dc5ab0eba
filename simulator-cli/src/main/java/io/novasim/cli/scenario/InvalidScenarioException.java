package io.novasim.cli.scenario;

/** A scenario file that cannot be run, with where the problem is (line and field path when known). */
public final class InvalidScenarioException extends Exception {
    public InvalidScenarioException(String message) {
        super(message);
    }
}
