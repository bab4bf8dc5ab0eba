package io.novasim.junit5;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs sample test classes with the Jupiter engine, in this JVM, and hands back their results. */
final class Samples {
    private Samples() {
    }

    static EngineExecutionResults run(Class<?> sample) {
        return run(sample, Map.of());
    }

    static EngineExecutionResults run(Class<?> sample, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyInTestKit.PARAMETER, "true")
                .configurationParameters(configuration)
                .selectors(selectClass(sample))
                .execute();
    }
}
