package io.novasim.cli.setup;

/** A setup file the simulator cannot start from; {@link #path()} names the field, e.g. {@code flavors[0].vcpus}. */
public final class InvalidSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public InvalidSetupException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** Where in the file, empty for the file as a whole. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
