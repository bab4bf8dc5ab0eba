package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.SimulatorSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code @NovaSimulatorTest}'s attributes become a simulator builder and the extension's options. */
class AnnotationMappingTest {

    @Test
    void everyAttributeReachesTheSimulatorBuilderOrTheExtension() {
        NovaSimulatorExtension.Recipe recipe = NovaSimulatorExtension.Recipe.of(declaredOn(EveryAttribute.class));
        SimulatorSettings settings = recipe.simulator().build().settings();

        assertThat(settings.seed()).isEqualTo(3);
        assertThat(settings.clockSpeed()).isEqualTo(10);
        assertThat(settings.controlToken()).isEqualTo("let-me-in");
        assertThat(recipe.options()).isEqualTo(new NovaSimulatorExtension.Options(true, true));
        assertThat(NovaSimulatorExtension.Recipe.of(declaredOn(PacedByTheClient.class)).simulator().build()
                .settings().clock()).isEqualTo(io.novasim.ClockMode.client(java.time.Duration.ofSeconds(1)));
    }

    @Test
    void withoutAttributesTheSimulatorIsTheBuildersDefaultOne() {
        NovaSimulatorExtension.Recipe recipe = NovaSimulatorExtension.Recipe.of(declaredOn(NoAttribute.class));

        // Field by field: the world and timings are values, but not records that compare as such.
        assertThat(recipe.simulator().build().settings()).usingRecursiveComparison()
                .isEqualTo(NovaSimulator.builder().build().settings());
        assertThat(recipe.options()).isEqualTo(NovaSimulatorExtension.Options.DEFAULTS);
    }

    private static NovaSimulatorTest declaredOn(Class<?> type) {
        return type.getAnnotation(NovaSimulatorTest.class);
    }

    @NovaSimulatorTest(clock = "client")
    private static final class PacedByTheClient {
    }

    /** Only carries the annotation; it has no tests, so JUnit never runs it. */
    @NovaSimulatorTest(seed = 3, clockSpeed = 10, controlToken = "let-me-in", failOnUnexpectedFaults = true)
    private static final class EveryAttribute {
    }

    /** Only carries the annotation. */
    @NovaSimulatorTest
    private static final class NoAttribute {
    }
}
