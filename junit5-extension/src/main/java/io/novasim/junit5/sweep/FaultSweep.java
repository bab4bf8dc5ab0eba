package io.novasim.junit5.sweep;

import io.novasim.NovaSimulator;
import io.novasim.state.rules.Operation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Does the code under test survive every fault at every call it makes? A sweep runs the code once without faults and
 * notes each call it made that a fault rule can match (an accepted create, action, attach or detach: the
 * {@link io.novasim.state.log.SimEvent.MatchableCall MatchableCall}s). Then it runs the code again once for each pair
 * of (call, {@link FaultKind fault kind}), with exactly that fault injected into exactly that call, and reports which
 * runs passed: {@link SweepReport}.
 *
 * <pre>{@code
 * SweepReport report = FaultSweep.of(NovaSimulator.builder().seed(42))
 *         .given(sim -> Fixture.aServerWithAnAttachedVolume(sim))    // made before each run, never faulted
 *         .run((sim, fixture) -> {
 *             new VolumeDetacher(clientOf(sim), ...).detach(fixture.server(), fixture.volume());
 *             assertThat(volumeStatus(sim, fixture.volume())).isEqualTo("available");
 *         });
 * report.assertAllPassed();
 * }</pre>
 *
 * <p>Every run starts from a simulator reset to its start, with the builder's seed, so its calls up to the injected
 * fault are those of the run without faults, and a failing run, rerun alone by the coordinates it prints
 * ({@link #only(int, FaultKind)}, or {@code -Dnovasim.sweep.only=CALL:KIND}), behaves the same. That holds while the
 * code under test is itself deterministic and the clock moves only when told (the builder's default clock speed 0): a
 * run whose fault was never reached says so ({@link SweepRun.Outcome#NOT_REACHED}).
 *
 * <p>Runs may go {@link #parallelism(int) in parallel}, each on a simulator of its own (the builder's port must then
 * be the default free port). A body that does not finish within {@link #runTimeout(Duration)} of wall-clock time
 * fails its run, and its simulator is closed under it.
 */
public final class FaultSweep {
    /** The system property that narrows every sweep to one run, {@code CALL:KIND}: how a printed failure is rerun. */
    public static final String ONLY_PROPERTY = "novasim.sweep.only";

    private final NovaSimulator.Builder simulator;
    private Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
    private Set<Operation> operations = Set.of();
    private int maxRuns = Integer.MAX_VALUE;
    private int parallelism = 1;
    private Duration stuckFor = Duration.ofMinutes(10);
    private Duration delay = Duration.ofHours(1);
    private Duration runTimeout = Duration.ofSeconds(60);
    private SweepPoint only;

    private FaultSweep(NovaSimulator.Builder simulator) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
    }

    /**
     * A sweep over simulators of this builder, one per parallel run, each reset before every run. Finish the builder
     * first: the sweep builds from it when it runs.
     *
     * @param simulator the builder, e.g. {@code NovaSimulator.builder().seed(42)}
     * @return a sweep of every fault kind at every call, one run at a time
     */
    public static FaultSweep of(NovaSimulator.Builder simulator) {
        return new FaultSweep(simulator);
    }

    /**
     * Only these fault kinds.
     *
     * @param value the kinds (default all of them)
     * @return this sweep
     */
    public FaultSweep kinds(FaultKind... value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("name at least one fault kind: " + List.of(FaultKind.values()));
        }
        this.kinds = EnumSet.copyOf(List.of(value));
        return this;
    }

    /**
     * Only the calls of these operations, e.g. {@code DETACH_VOLUME}: the others are made but get no fault.
     *
     * @param value the operations (default every operation)
     * @return this sweep
     */
    public FaultSweep operations(Operation... value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("name at least one operation, e.g. Operation.DETACH_VOLUME");
        }
        this.operations = EnumSet.copyOf(List.of(value));
        return this;
    }

    /**
     * At most this many runs with a fault, the first ones by call and then by kind; the report counts the rest.
     *
     * @param value at least 1 (default no limit)
     * @return this sweep
     */
    public FaultSweep maxRuns(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxRuns must be at least 1: " + value);
        }
        this.maxRuns = value;
        return this;
    }

    /**
     * How many runs go at once, each on a simulator of its own and a thread of its own. The code under test must then
     * keep no state between runs outside what its body makes.
     *
     * @param value 1 to 64 (default 1)
     * @return this sweep
     */
    public FaultSweep parallelism(int value) {
        if (value < 1 || value > 64) {
            throw new IllegalArgumentException("parallelism must be 1 to 64: " + value);
        }
        this.parallelism = value;
        return this;
    }

    /**
     * How long (virtual time) a {@link FaultKind#STUCK_TASK} holds its call's work before it goes on.
     *
     * @param value a positive duration (default 10 minutes)
     * @return this sweep
     */
    public FaultSweep stuckFor(Duration value) {
        this.stuckFor = positive(value, "stuckFor");
        return this;
    }

    /**
     * How much longer (virtual time) a {@link FaultKind#LONG_DELAY} makes its call's work take: longer than the code
     * under test waits.
     *
     * @param value a positive duration (default 1 hour)
     * @return this sweep
     */
    public FaultSweep delay(Duration value) {
        this.delay = positive(value, "delay");
        return this;
    }

    /**
     * How long (wall-clock time) one run of the body may take before it counts as failed.
     *
     * @param value a positive duration (default 60 seconds)
     * @return this sweep
     */
    public FaultSweep runTimeout(Duration value) {
        this.runTimeout = positive(value, "runTimeout");
        return this;
    }

    /**
     * Only the run at these coordinates (after the run without faults, which finds the call): how a failure a sweep
     * printed is rerun alone. The system property {@value #ONLY_PROPERTY} does the same from the command line.
     *
     * @param call the call's number, as the report prints it
     * @param kind the fault kind
     * @return this sweep
     */
    public FaultSweep only(int call, FaultKind kind) {
        this.only = new SweepPoint(call, kind);
        return this;
    }

    /**
     * A setup made on the reset simulator before each run (and before the run without faults) and never given a
     * fault; what it returns is handed to the body.
     *
     * @param setup e.g. {@code sim -> Fixture.aServerWithAnAttachedVolume(sim)}
     * @param <T>   what the setup makes
     * @return the sweep with that setup, to {@link Given#run(GivenBody) run}
     */
    public <T> Given<T> given(Setup<T> setup) {
        return new Given<>(this, Objects.requireNonNull(setup, "setup"));
    }

    /**
     * Runs the sweep over a body that makes its own world.
     *
     * @param body the code under test and the assertions on what it did
     * @return the report, one run per (call, fault kind)
     * @throws AssertionError when the body fails without faults, or makes no call a fault rule can match
     */
    public SweepReport run(Body body) {
        Objects.requireNonNull(body, "body");
        return given(simulator -> null).run((simulator, nothing) -> body.run(simulator));
    }

    /** A sweep with a setup. */
    public static final class Given<T> {
        private final FaultSweep sweep;
        private final Setup<T> setup;

        private Given(FaultSweep sweep, Setup<T> setup) {
            this.sweep = sweep;
            this.setup = setup;
        }

        /**
         * Runs the sweep: the body without faults, then once per (call, fault kind).
         *
         * @param body the code under test and the assertions on what it did, given what the setup made
         * @return the report, one run per (call, fault kind)
         * @throws AssertionError when the body fails without faults, or makes no call a fault rule can match
         */
        public SweepReport run(GivenBody<T> body) {
            return new SweepRunner<>(sweep.settings(), setup, Objects.requireNonNull(body, "body")).sweep();
        }
    }

    /** The world a run starts from, made on the reset simulator. */
    @FunctionalInterface
    public interface Setup<T> {
        T prepare(NovaSimulator simulator) throws Exception;
    }

    /** The code under test and the assertions on what it did. */
    @FunctionalInterface
    public interface Body {
        void run(NovaSimulator simulator) throws Throwable;
    }

    /** The code under test and the assertions on what it did, given what the setup made. */
    @FunctionalInterface
    public interface GivenBody<T> {
        void run(NovaSimulator simulator, T given) throws Throwable;
    }

    /** The sweep's settings as the runner reads them; the system property wins over {@link #only}. */
    SweepSettings settings() {
        String property = System.getProperty(ONLY_PROPERTY);
        SweepPoint point = property == null || property.isBlank() ? only : SweepPoint.parse(property);
        return new SweepSettings(simulator, kinds, operations, maxRuns, parallelism, stuckFor, delay, runTimeout,
                point);
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + value);
        }
        return value;
    }

    /** What a sweep was told, fixed when it runs. */
    record SweepSettings(NovaSimulator.Builder simulator, Set<FaultKind> kinds, Set<Operation> operations,
                         int maxRuns, int parallelism, Duration stuckFor, Duration delay, Duration runTimeout,
                         SweepPoint only) {
        /** The (call, kind) pairs to run for these calls, in order, and how many maxRuns left out. */
        Plan plan(List<SweepCall> calls) {
            List<SweepPoint> points = new ArrayList<>();
            for (SweepCall call : calls) {
                if (!operations.isEmpty() && !operations.contains(call.operation())) {
                    continue;
                }
                for (FaultKind kind : kinds) {
                    SweepPoint point = new SweepPoint(call.number(), kind);
                    if (only == null || only.equals(point)) {
                        points.add(point);
                    }
                }
            }
            int kept = Math.min(points.size(), maxRuns);
            return new Plan(List.copyOf(points.subList(0, kept)), points.size() - kept);
        }
    }

    record Plan(List<SweepPoint> points, int leftOut) {
    }
}
