package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.SimulatorControl;
import io.novasim.junit5.sweep.FaultSweep;
import io.novasim.state.faults.FaultRule;
import io.novasim.state.faults.FiredFault;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Starts a {@link NovaSimulator} for a test class or for each test, resets it between tests, and closes it.
 *
 * <p>Registered programmatically, with the simulator's settings in a {@link NovaSimulator.Builder} (any of them: seed,
 * world, timings, dialects, start instant, ...) and the extension's own options beside it:
 * <pre>{@code
 * @Timeout(30)
 * class ServersTest {
 *     @RegisterExtension
 *     static NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
 *             .simulator(NovaSimulator.builder().seed(7).dialects("hostway"))
 *             .build();
 *
 *     @Test
 *     void bootsAServer() {
 *         OSClientV3 os = ... nova.credentials() ...;   // user demo / secret, project demo
 *         nova.control().advance(Duration.ofSeconds(5));
 *     }
 * }
 * }</pre>
 * In a {@code static} field, one simulator serves the whole class: it starts before all tests, is reset before each
 * test (unless {@link Builder#resetBeforeEachTest(boolean) resetBeforeEachTest(false)}) and closes after all tests. In
 * an instance field, every test gets a simulator of its own, closed after the test; that is the choice for tests that
 * run concurrently ({@code @Execution(CONCURRENT)}). (With {@code @TestInstance(PER_CLASS)} there is one test instance,
 * so its field's simulator serves the whole class, as a static field's does.)
 *
 * <p>Registered declaratively, with {@link NovaSimulatorTest @NovaSimulatorTest} (or
 * {@code @ExtendWith(NovaSimulatorExtension.class)}), one simulator serves the class, and test constructors and
 * methods declare a {@link NovaSimulator} or {@link SimulatorControl} parameter to get it.
 *
 * <p>Every simulator listens where its builder says, by default 127.0.0.1 on a free port. Each extension object owns
 * its simulators and shares nothing with other extension objects; JUnit closes them through its
 * {@link ExtensionContext.Store}, after every {@code afterEach} or {@code afterAll} callback has run. One extension object serves one test class (and its
 * {@code @Nested} classes, which share the enclosing class's simulator).
 */
public final class NovaSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final String SIMULATOR = "simulator";
    private static final String BASELINE = "fault-baseline";

    /** What a builder gave, or null for the declarative use, which reads {@link NovaSimulatorTest} per class. */
    private final Recipe configured;
    /** The builder this extension last started a simulator from: a declared one has no other, and sweeps need it. */
    private final AtomicReference<NovaSimulator.Builder> startedFrom = new AtomicReference<>();
    /** The simulator this extension started and has not closed yet, for the accessors. */
    private final AtomicReference<NovaSimulator> current = new AtomicReference<>();

    /**
     * The extension as JUnit creates it for {@link NovaSimulatorTest @NovaSimulatorTest} or
     * {@code @ExtendWith(NovaSimulatorExtension.class)}: its settings are those of the {@code @NovaSimulatorTest} on the
     * test class (or an enclosing class), or the defaults without one. In code, use {@link #builder()}.
     */
    public NovaSimulatorExtension() {
        this(null);
    }

    private NovaSimulatorExtension(Recipe configured) {
        this.configured = configured;
    }

    /**
     * A builder with the defaults: simulators as {@link NovaSimulator#builder()} makes them (127.0.0.1, a free port,
     * seed 1, the demo world, ...), reset before each test, unfired faults tolerated.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- accessors

    /**
     * The running simulator of the current test.
     *
     * @return the simulator this extension started
     * @throws IllegalStateException outside a test, or when the extension was not registered with
     *                               {@code @RegisterExtension}
     */
    public NovaSimulator simulator() {
        NovaSimulator simulator = current.get();
        if (simulator == null) {
            throw new IllegalStateException("no simulator is running: use the extension from a test, and register it "
                    + "with @RegisterExtension on a static field (one simulator per class) or an instance field "
                    + "(one per test)");
        }
        return simulator;
    }

    /**
     * The control interface of the running simulator: clock, faults, reset, state.
     *
     * @return {@code simulator().control()}
     * @throws IllegalStateException as {@link #simulator()}
     */
    public SimulatorControl control() {
        return simulator().control();
    }

    /**
     * The Keystone URL to give clients ({@code OS_AUTH_URL}), e.g. {@code http://127.0.0.1:PORT/identity/v3}.
     *
     * @return {@code simulator().identityEndpoint()}
     * @throws IllegalStateException as {@link #simulator()}
     */
    public URI identityEndpoint() {
        return simulator().identityEndpoint();
    }

    /**
     * How a client logs in to the running simulator: the setup's first user with a password and a role in a project,
     * preferring one that is admin nowhere; in the demo world, {@code demo} / {@code secret}, project {@code demo}.
     *
     * @return {@code simulator().credentials()}
     * @throws IllegalStateException as {@link #simulator()}, or when no user of the setup can log in
     */
    public NovaSimulator.Credentials credentials() {
        return simulator().credentials();
    }

    /**
     * A {@code clouds.yaml} for {@link #credentials()}, naming the cloud {@code novasim}.
     *
     * @return {@code simulator().cloudsYaml()}
     * @throws IllegalStateException as {@link #credentials()}
     */
    public String cloudsYaml() {
        return simulator().cloudsYaml();
    }

    /**
     * A {@link FaultSweep} over simulators made as this extension makes its own (the same builder, so the same seed and
     * world), each reset before every run: does the code under test survive every fault at every call it makes?
     * <pre>{@code
     * nova.sweep().given(sim -> Fixture.make(sim)).run((sim, fixture) -> ...).assertAllPassed();
     * }</pre>
     * The sweep's simulators are its own: the test's simulator is not touched.
     *
     * @return a sweep of every fault kind at every call, to narrow and {@link FaultSweep#run(FaultSweep.Body) run}
     * @throws IllegalStateException when the extension was registered declaratively and has not started a simulator
     */
    public FaultSweep sweep() {
        NovaSimulator.Builder builder = configured != null ? configured.simulator() : startedFrom.get();
        if (builder == null) {
            throw new IllegalStateException("no simulator settings yet: call sweep() from a test");
        }
        return FaultSweep.of(builder);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Starts the class's simulator, unless an enclosing class's (for {@code @Nested} classes) or a constructor
     * parameter already did.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        simulatorFor(context);
    }

    /**
     * Forgets the class's simulator; JUnit closes it when the class's store closes, just after every
     * {@code afterAll} callback, so other extensions can still use it until then.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        Handle own = store(context).get(SIMULATOR, Handle.class);
        Handle inherited = context.getParent().map(parent -> store(parent).get(SIMULATOR, Handle.class)).orElse(null);
        if (own != null && own != inherited) {
            current.compareAndSet(own.simulator(), null);
        }
    }

    /**
     * Starts a simulator for this test when no class simulator exists (an instance field); otherwise resets the class
     * simulator, if so configured. Then notes the fault rules and fired faults, for
     * {@link Builder#failOnUnexpectedFaults(boolean) failOnUnexpectedFaults}.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Handle existing = store(context).get(SIMULATOR, Handle.class);
        Handle handle = existing != null ? existing : simulatorFor(context);
        SimulatorControl control = handle.simulator().control();
        if (existing != null && handle.options().resetBeforeEachTest()) {
            control.reset();
        }
        store(context).put(BASELINE, Baseline.of(control));
    }

    /**
     * Fails the test when it added fault rules that never fired and
     * {@link Builder#failOnUnexpectedFaults(boolean) failOnUnexpectedFaults} is on. A simulator started for the test
     * is closed by JUnit just after.
     *
     * @param context the test's context
     * @throws AssertionError naming the rules that never fired
     */
    @Override
    public void afterEach(ExtensionContext context) {
        Handle handle = store(context).get(SIMULATOR, Handle.class);
        Baseline baseline = store(context).remove(BASELINE, Baseline.class);
        if (handle == null) {
            return;
        }
        Handle classHandle = context.getParent().map(parent -> store(parent).get(SIMULATOR, Handle.class))
                .orElse(null);
        if (handle != classHandle) {
            current.compareAndSet(handle.simulator(), null);
        }
        if (handle.options().failOnUnexpectedFaults() && baseline != null) {
            SimulatorControl control = handle.simulator().control();
            List<String> unfired = unfiredRules(baseline, control.faultRules(), control.firedFaults());
            if (!unfired.isEmpty()) {
                throw new AssertionError("novasim: fault rules added during the test never fired: " + unfired
                        + " (no call matched them; remove them, or build the extension without "
                        + "failOnUnexpectedFaults)");
            }
        }
    }

    /**
     * Supports parameters of type {@link NovaSimulator} and {@link SimulatorControl}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the test's or class's context
     * @return whether the parameter is one of the two types
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == NovaSimulator.class || type == SimulatorControl.class;
    }

    /**
     * The running simulator, or its control interface; started now when a constructor asks before
     * {@link #beforeAll} (a class with {@code @TestInstance(PER_CLASS)}).
     *
     * @param parameterContext the parameter
     * @param extensionContext the test's or class's context
     * @return the simulator or its control
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        NovaSimulator simulator = simulatorFor(extensionContext).simulator();
        return parameterContext.getParameter().getType() == NovaSimulator.class ? simulator : simulator.control();
    }

    // ---------------------------------------------------------------- internals

    /** The simulator of this context or an enclosing one; started in this context when there is none. */
    private Handle simulatorFor(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(SIMULATOR, key -> start(context), Handle.class);
    }

    private Handle start(ExtensionContext context) {
        Recipe recipe = configured != null ? configured : Recipe.declaredOn(context);
        startedFrom.set(recipe.simulator());
        NovaSimulator simulator = recipe.simulator().build();
        try {
            simulator.start();
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
        current.set(simulator);
        return new Handle(simulator, recipe.options(), current);
    }

    /** This extension object's own namespace: two extensions on one class keep two simulators. */
    private ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(Namespace.create(NovaSimulatorExtension.class, this));
    }

    /**
     * The ids of the rules added since {@code before} that have not fired since. When the fired list is shorter than
     * it was (a reset or restore during the test), every fired fault counts.
     */
    static List<String> unfiredRules(Baseline before, List<FaultRule> rules, List<FiredFault> fired) {
        List<FiredFault> since = fired.size() >= before.firedCount()
                ? fired.subList(before.firedCount(), fired.size()) : fired;
        Set<String> firedIds = since.stream().map(FiredFault::ruleId).collect(Collectors.toSet());
        return rules.stream().map(FaultRule::id)
                .filter(id -> !before.ruleIds().contains(id) && !firedIds.contains(id))
                .toList();
    }

    /** The fault rules and the number of fired faults when a test started. */
    record Baseline(Set<String> ruleIds, int firedCount) {
        Baseline {
            ruleIds = Set.copyOf(ruleIds);
        }

        static Baseline of(SimulatorControl control) {
            Set<String> ids = new HashSet<>();
            control.faultRules().forEach(rule -> ids.add(rule.id()));
            return new Baseline(ids, control.firedFaults().size());
        }
    }

    /**
     * A started simulator and how this extension treats it; JUnit closes it with the store that holds it. The
     * simulator's settings are its own ({@link NovaSimulator#settings()}), so nothing here repeats them.
     */
    private record Handle(NovaSimulator simulator, Options options, AtomicReference<NovaSimulator> current)
            implements ExtensionContext.Store.CloseableResource {
        /** Forgets the simulator before closing it, so the accessors never hand out a closed one. */
        @Override
        public void close() {
            current.compareAndSet(simulator, null);
            simulator.close();
        }
    }

    /** What the extension does around each test, as against what the simulator is. */
    record Options(boolean resetBeforeEachTest, boolean failOnUnexpectedFaults) {
        static final Options DEFAULTS = new Options(true, false);
    }

    /**
     * What an extension makes its simulators from, and how it treats them. The builder is kept, not a copy of its
     * settings: every simulator is a fresh {@code build()} of it, so a setting added to {@link NovaSimulator.Builder}
     * reaches the extension without the extension knowing it.
     */
    record Recipe(NovaSimulator.Builder simulator, Options options) {
        Recipe {
            Objects.requireNonNull(simulator, "simulator");
            Objects.requireNonNull(options, "options");
        }

        /**
         * From the {@code @NovaSimulatorTest} on the test class or an enclosing class (a {@code @Nested} class has
         * none of its own); the defaults without one, as for a bare {@code @ExtendWith}.
         */
        static Recipe declaredOn(ExtensionContext context) {
            Optional<NovaSimulatorTest> found = Optional.empty();
            for (Class<?> c = context.getTestClass().orElse(null); c != null && found.isEmpty();
                 c = c.getEnclosingClass()) {
                found = AnnotationSupport.findAnnotation(c, NovaSimulatorTest.class);
            }
            return found.map(Recipe::of).orElseGet(() -> new Recipe(NovaSimulator.builder(), Options.DEFAULTS));
        }

        /**
         * The one place the annotation's attributes become settings. What it has no attribute for keeps the
         * simulator builder's default; an annotation cannot say "no token", so an empty one means none.
         */
        static Recipe of(NovaSimulatorTest declared) {
            NovaSimulator.Builder simulator = NovaSimulator.builder()
                    .seed(declared.seed())
                    .clockSpeed(declared.clockSpeed())
                    .controlToken(declared.controlToken().isEmpty() ? null : declared.controlToken());
            switch (declared.clock()) {
                case "" -> {
                }
                case "client" -> simulator.clock(io.novasim.ClockMode.client(java.time.Duration.ofSeconds(1)));
                case "manual" -> simulator.clock(io.novasim.ClockMode.manual());
                case "wall" -> simulator.clock(io.novasim.ClockMode.wall(declared.clockSpeed() == 0 ? 1
                        : declared.clockSpeed()));
                default -> throw new IllegalArgumentException("@NovaSimulatorTest(clock = \"" + declared.clock()
                        + "\"): the clock is one of client, manual, wall");
            }
            return new Recipe(simulator, new Options(true, declared.failOnUnexpectedFaults()));
        }
    }

    /**
     * An extension for {@code @RegisterExtension}: the simulator builder to make its simulators with, and the
     * extension's own options. Every option has the default {@link #builder()} names.
     */
    public static final class Builder {
        private NovaSimulator.Builder simulator = NovaSimulator.builder();
        private boolean resetBeforeEachTest = Options.DEFAULTS.resetBeforeEachTest();
        private boolean failOnUnexpectedFaults = Options.DEFAULTS.failOnUnexpectedFaults();

        private Builder() {
        }

        /**
         * The simulator builder the extension makes its simulators with: every setting it has (seed, world, timings,
         * clock speed and start, dialects, control token, token lifetime, journal capacity, host and port, ...) applies
         * to them. The extension keeps this builder and calls its {@link NovaSimulator.Builder#build() build()} for
         * each simulator, once for the class or once per test, so finish it before the tests run: a change made
         * later reaches the simulators built later. A fixed port holds one simulator at a time: tests that run
         * concurrently with simulators of their own need the default free port.
         *
         * @param value the builder (default {@link NovaSimulator#builder()})
         * @return this builder
         */
        public Builder simulator(NovaSimulator.Builder value) {
            this.simulator = Objects.requireNonNull(value, "simulator");
            return this;
        }

        /**
         * Whether a class's simulator goes back to its starting world before each test (servers, tokens, faults,
         * journal). A simulator made for one test starts fresh anyway.
         *
         * @param value true (the default) to reset
         * @return this builder
         */
        public Builder resetBeforeEachTest(boolean value) {
            this.resetBeforeEachTest = value;
            return this;
        }

        /**
         * Whether a test fails when fault rules it added never fired: a sign that the code under test never made
         * the calls the test meant to break.
         *
         * @param value false (the default) to tolerate them
         * @return this builder
         */
        public Builder failOnUnexpectedFaults(boolean value) {
            this.failOnUnexpectedFaults = value;
            return this;
        }

        /**
         * The extension, to put in a {@code @RegisterExtension} field. It builds no simulator until JUnit calls it, so
         * a setting out of range (a negative clock speed, an unknown dialect) fails the test class when it starts,
         * where JUnit reports it, rather than in the field's initializer.
         *
         * @return a new extension with these options
         */
        public NovaSimulatorExtension build() {
            return new NovaSimulatorExtension(
                    new Recipe(simulator, new Options(resetBeforeEachTest, failOnUnexpectedFaults)));
        }
    }
}
