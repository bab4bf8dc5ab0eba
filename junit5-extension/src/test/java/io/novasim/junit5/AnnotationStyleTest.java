package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.SimulatorControl;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @NovaSimulatorTest}: one simulator for the class, injected into the constructor and test methods. */
@NovaSimulatorTest(seed = 7, controlToken = "let-me-in")
@Timeout(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotationStyleTest {
    private static final AtomicReference<NovaSimulator> FIRST = new AtomicReference<>();

    private final NovaSimulator sim;

    AnnotationStyleTest(NovaSimulator sim) {
        this.sim = sim;
    }

    @Test
    @Order(1)
    void theConstructorGetsARunningSimulatorWithTheAnnotationsSettings() {
        FIRST.set(sim);
        assertThat(sim.settings().seed()).isEqualTo(7);
        assertThat(sim.settings().host()).isEqualTo("127.0.0.1");
        assertThat(sim.port()).isPositive();
        assertThat(Http.computeVersionStatus(sim)).isEqualTo(200);
        assertThat(Http.get(URI.create(sim.baseUri() + "/__sim/v1/state"), "let-me-in").statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void aServerCreatedInOneTest(NovaSimulator parameter) {
        String token = Http.demoToken(parameter);
        assertThat(Http.createServer(parameter, token, "from-test-2").statusCode()).isEqualTo(202);
        assertThat(Http.listServers(parameter, token).body()).contains("from-test-2");
    }

    @Test
    @Order(3)
    void isGoneInTheNextButTheSimulatorIsTheSame(NovaSimulator parameter, SimulatorControl control) {
        assertThat(parameter).isSameAs(sim).isSameAs(FIRST.get());
        assertThat(control).isSameAs(sim.control());
        assertThat(control.state().servers()).isEmpty();
        assertThat(Http.listServers(sim, Http.demoToken(sim)).body()).doesNotContain("from-test-2");
    }

    /** A nested class shares the enclosing class's simulator, reset before each of its tests too. */
    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingSimulator(NovaSimulator parameter) {
            assertThat(parameter).isSameAs(sim);
            assertThat(parameter.control().state().servers()).isEmpty();
            assertThat(Http.computeVersionStatus(parameter)).isEqualTo(200);
        }
    }
}
