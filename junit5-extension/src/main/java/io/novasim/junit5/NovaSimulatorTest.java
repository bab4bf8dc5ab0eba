package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.SimulatorControl;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against one {@link NovaSimulator}: started before the class's tests (on 127.0.0.1, a free port),
 * reset to its starting world before each test, and closed after them. Tests get it by declaring a constructor or
 * method parameter of type {@link NovaSimulator} or {@link SimulatorControl}:
 *
 * <pre>{@code
 * @NovaSimulatorTest(seed = 1)
 * @Timeout(30)
 * class ServersTest {
 *     @Test
 *     void listsNoServers(NovaSimulator sim) {
 *         URI keystone = sim.identityEndpoint();   // user demo / secret, project demo
 *         ...
 *     }
 * }
 * }</pre>
 *
 * The attributes are settings of a {@link NovaSimulator.Builder}; every other setting keeps its default (127.0.0.1, a
 * free port, the demo world, ...). {@code @Nested} classes share the enclosing class's simulator (and its settings).
 * For a simulator per test, for any other setting ({@link io.novasim.CloudSetup a world built in code}, timings,
 * dialects, ...), or to keep state between tests, register {@link NovaSimulatorExtension#builder()} with
 * {@code @RegisterExtension} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NovaSimulatorExtension.class)
public @interface NovaSimulatorTest {
    /**
     * Seeds ids, MAC addresses and fault draws: the same seed and requests give the same answers.
     *
     * @return the seed (default 1)
     * @see NovaSimulator.Builder#seed(long)
     */
    long seed() default 1;

    /**
     * How virtual time moves against the wall clock: 0 only when told ({@link SimulatorControl#advance}), 1 with the
     * wall clock, 10 ten times faster.
     *
     * @return the clock speed (default 0)
     * @see NovaSimulator.Builder#clockSpeed(double)
     */
    double clockSpeed() default 0;

    /**
     * How virtual time moves, by name: {@code "client"} moves it with the client's requests (each moves it 1 s on,
     * and a read runs the work in flight on what it reads to its end), so a client's own wait loop ends at its first
     * poll, deterministically; {@code "manual"} and {@code "wall"} are what {@link #clockSpeed()} gives at 0 and
     * above. Empty (the default): as {@link #clockSpeed()} says.
     *
     * @return the clock's mode, or empty
     * @see NovaSimulator.Builder#clock(io.novasim.ClockMode)
     */
    String clock() default "";

    /**
     * A token that is always valid and acts as an admin, for the control plane under {@code /__sim/v1}.
     *
     * @return the token, or empty (the default) for none
     * @see NovaSimulator.Builder#controlToken(String)
     */
    String controlToken() default "";

    /**
     * Whether a test fails when fault rules it added never fired.
     *
     * @return false (the default) to tolerate them
     * @see NovaSimulatorExtension.Builder#failOnUnexpectedFaults(boolean)
     */
    boolean failOnUnexpectedFaults() default false;
}
