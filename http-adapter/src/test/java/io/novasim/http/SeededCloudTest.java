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
    NovaSimulator sim;
    Client demo;

    SeededCloudTest(long seed) {
        this.seed = seed;
    }

    @BeforeAll
    void startTheCloud() {
        sim = NovaSimulator.builder().seed(seed).build().start();
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
