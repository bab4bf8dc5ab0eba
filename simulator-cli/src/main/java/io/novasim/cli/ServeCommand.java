package io.novasim.cli;

import io.novasim.CloudSetup;
import io.novasim.NovaSimulator;
import io.novasim.cli.setup.InvalidSetupException;
import io.novasim.cli.setup.SetupReader;
import io.novasim.state.time.Timings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code novasim serve}: starts a simulator, prints how to reach it, and serves until Ctrl-C (a JVM shutdown hook) or
 * {@link #stop()} (tests, embedding) asks it to stop. Either way the simulator is closed on the serving thread.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = "Starts the simulator and serves until Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {
    static final int EXIT_FAILED_TO_START = 1;
    static final int EXIT_INVALID_SETUP = 3;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "The address to listen on (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8774", paramLabel = "PORT",
            description = "The port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "Once listening, writes the port to this file (its number and a newline; written whole, "
                    + "then renamed into place), for a script or test runner that started it with --port 0.")
    java.nio.file.Path portFile;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED",
            description = "Seeds ids, passwords and fault draws: the same seed and requests give the same answers. "
                    + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--clock-speed", defaultValue = "1.0", paramLabel = "FACTOR",
            description = "How fast virtual time runs against the wall clock: 1 follows it, 10 is ten times "
                    + "faster, 0 stands still. Default: ${DEFAULT-VALUE}.")
    double clockSpeed;

    @Option(names = "--clock", paramLabel = "MODE", completionCandidates = ClockModes.class,
            description = "How virtual time moves: wall (with the wall clock at --clock-speed), manual (only when "
                    + "told), or client (each request moves it 1 s on, and a read runs the work in flight on what it "
                    + "reads, so a client's wait loop ends deterministically). Default: wall, or manual at "
                    + "--clock-speed 0.")
    String clockMode;

    /** The clock modes {@code --clock} takes. */
    static final class ClockModes extends ArrayList<String> {
        ClockModes() {
            super(List.of("wall", "manual", "client"));
        }
    }

    @Option(names = "--duration", paramLabel = "OPERATION=DURATION", converter = TimingOverride.Converter.class,
            completionCandidates = TimingOverride.OperationNames.class,
            description = "How long an operation takes in virtual time, e.g. DETACH_INTERFACE=2s or create=500ms "
                    + "(repeatable; durations like 500ms, 2s, 1m or PT2S). Operations: ${COMPLETION-CANDIDATES}.")
    List<TimingOverride> durations = new ArrayList<>();

    @Option(names = "--reclaim-instance-interval", paramLabel = "DURATION",
            description = "Nova's reclaim_instance_interval: a deleted server that has run is soft-deleted "
                    + "(restorable, forceDelete-able) and reclaimed after this long, e.g. 1h. Default: delete at once.")
    String reclaimInstanceInterval;

    @Option(names = "--setup", paramLabel = "FILE",
            description = "A YAML or JSON file of projects, users, flavors, images, networks and volumes to start "
                    + "with, instead of the built-in demo world.")
    Path setupFile;

    @Option(names = "--restore", paramLabel = "FILE",
            description = "A snapshot to start from (GET /__sim/v1/snapshot wrote it), and to go back to on reset; "
                    + "its seed is the simulator's unless --seed says otherwise, and it needs the setup and "
                    + "durations it was taken with.")
    Path snapshotFile;

    @Option(names = "--control-token", paramLabel = "TOKEN",
            description = "A token that is always valid and acts as an admin, for scripts.")
    String controlToken;

    @Option(names = "--dialect", paramLabel = "NAME",
            description = "A vendor dialect to serve besides Nova's: ecl-compute, ecl-baremetal, hostway "
                    + "(repeatable; all of them when absent).")
    java.util.List<String> dialects;

    private java.time.Duration reclaimInterval;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Asks {@code serve} to close the simulator and return 0 (at once if it has not started serving yet). */
    public void stop() {
        stopRequested.countDown();
    }

    @Override
    public Integer call() {
        checkOptions();
        // The server's log names the rule behind every refusal (slf4j-simple reads this when its first logger is
        // made, which is later than here); `run` keeps it off and shows them in the transcript instead.
        System.setProperty("org.slf4j.simpleLogger.log.io.novasim.refusals", "info");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CloudSetup setup;
        try {
            setup = setupFile == null ? CloudSetup.demo() : SetupReader.read(setupFile);
        } catch (InvalidSetupException e) {
            err.println("novasim: invalid setup file " + setupFile + ": " + e.getMessage());
            err.flush();
            return EXIT_INVALID_SETUP;
        }
        String snapshot = null;
        if (snapshotFile != null) {
            try {
                snapshot = java.nio.file.Files.readString(snapshotFile);
                com.fasterxml.jackson.databind.JsonNode read = JSON.readTree(snapshot);
                if (!spec.commandLine().getParseResult().hasMatchedOption("--seed") && read != null
                        && read.path("seed").isIntegralNumber()) {
                    seed = read.path("seed").asLong();
                }
            } catch (java.io.IOException unreadable) {
                err.println("novasim: cannot read the snapshot " + snapshotFile + ": " + unreadable.getMessage());
                err.flush();
                return EXIT_INVALID_SETUP;
            }
        }
        NovaSimulator.Builder builder = NovaSimulator.builder().host(host).port(port).seed(seed).setup(setup)
                .timings(TimingOverride.apply(Timings.defaults(), durations)
                        .withReclaimInstanceInterval(Optional.ofNullable(reclaimInterval)))
                .clock(clock())
                .controlToken(controlToken).restore(snapshot);
        if (dialects != null) {
            builder.dialects(dialects.toArray(String[]::new));
        }
        NovaSimulator simulator;
        try {
            simulator = builder.build();
        } catch (IllegalArgumentException invalid) {
            if (invalid.getMessage().startsWith("cannot restore")) {
                err.println("novasim: invalid snapshot file " + snapshotFile + ": " + invalid.getMessage());
                err.flush();
                return EXIT_INVALID_SETUP;
            }
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
        }
        try {
            simulator.start();
        } catch (java.io.UncheckedIOException e) {
            simulator.close();
            err.println("novasim: " + e.getCause().getMessage());
            err.flush();
            return EXIT_FAILED_TO_START;
        }
        Thread hook = new Thread(this::stopAndWait, "novasim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.print(Banner.render(simulator.baseUri(), setup, seed, clock(), simulator.dialectEndpoints()));
            out.flush();
            if (portFile != null) {
                writePortFile(simulator.baseUri().getPort());
            }
            awaitStopRequest();
        } finally {
            simulator.close();
            out.println("novasim: stopped; the simulator is closed.");
            out.flush();
            stopped.countDown();
            forget(hook);
        }
        return 0;
    }

    /** The port, in a file that appears whole: written beside it, then moved into place. */
    private void writePortFile(int listening) {
        java.nio.file.Path absolute = portFile.toAbsolutePath();
        try {
            java.nio.file.Path written = java.nio.file.Files.writeString(absolute.resolveSibling(
                    absolute.getFileName() + ".partial"), listening + "\n");
            java.nio.file.Files.move(written, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("novasim: cannot write the port file " + portFile + ": "
                    + e.getMessage());
            spec.commandLine().getErr().flush();
        }
    }

    /** The clock mode the options ask for. */
    private io.novasim.ClockMode clock() {
        if (clockMode == null) {
            return clockSpeed == 0 ? io.novasim.ClockMode.manual() : io.novasim.ClockMode.wall(clockSpeed);
        }
        return switch (clockMode) {
            case "manual" -> io.novasim.ClockMode.manual();
            case "client" -> io.novasim.ClockMode.client(java.time.Duration.ofSeconds(1));
            default -> io.novasim.ClockMode.wall(clockSpeed);
        };
    }

    /** Checks picocli cannot express, reported as usage errors (exit code 2). */
    private void checkOptions() {
        if (clockMode != null && !new ClockModes().contains(clockMode)) {
            throw new ParameterException(spec.commandLine(), "--clock must be one of " + String.join(", ",
                    new ClockModes()) + ", not " + clockMode);
        }
        if ("wall".equals(clockMode) && clockSpeed == 0) {
            throw new ParameterException(spec.commandLine(), "--clock wall needs a --clock-speed above 0");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        if (!(clockSpeed >= 0) || Double.isInfinite(clockSpeed)) {
            throw new ParameterException(spec.commandLine(), "--clock-speed must be 0 or more, not " + clockSpeed);
        }
        if (reclaimInstanceInterval != null) {
            try {
                reclaimInterval = DurationText.parse(reclaimInstanceInterval);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--reclaim-instance-interval: " + e.getMessage());
            }
            if (reclaimInterval.isZero() || reclaimInterval.isNegative()) {
                throw new ParameterException(spec.commandLine(), "--reclaim-instance-interval must be more than 0, "
                        + "not " + reclaimInstanceInterval + " (leave it out to delete at once)");
            }
        }
    }

    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // an interrupt is a request to stop too
        }
    }

    /** The shutdown hook: let the serving thread close the simulator, and wait (briefly) until it has. */
    private void stopAndWait() {
        stop();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: nothing to remove
        }
    }
}
