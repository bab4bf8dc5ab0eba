package io.novasim.http;

import io.novasim.NovaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * An HTTP test class's simulator: one per class, started on the class's own seed, reset before each test, with a
 * client of the demo user. A class's own {@code @BeforeEach} runs after the reset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeededCloudTest {
    private final long seed;
    private final java.util.function.UnaryOperator<NovaSimulator.Builder> configure;
    NovaSimulator sim;
    Client demo;

    SeededCloudTest(long seed) {
        this(seed, builder -> builder);
    }

    /** @param configure the class's own world or timings, on a builder that has the seed */
    SeededCloudTest(long seed, java.util.function.UnaryOperator<NovaSimulator.Builder> configure) {
        this.seed = seed;
        this.configure = configure;
    }

    @BeforeAll
    void startTheCloud() {
        sim = configure.apply(NovaSimulator.builder().seed(seed)).build().start();
    }

    @AfterAll
    void stopTheCloud() {
        sim.close();
    }

    @BeforeEach
    void resetTheCloud() {
        sim.control().reset();
        demo = Client.as(sim, "demo", "demo");
    }
}
