package io.novasim;

import java.time.Duration;
import java.util.Objects;

/**
 * How virtual time moves while a simulator runs. It can be changed at any time ({@link SimulatorControl#clock}, the
 * control plane's {@code PATCH /__sim/v1/settings}, a scenario's {@code clock:} step); {@code advance},
 * {@code run_until_idle} and {@code next} move it in every mode.
 */
public sealed interface ClockMode {

    /** Virtual time moves only when told: the default, and the most deterministic. */
    static ClockMode manual() {
        return new Manual();
    }

    /**
     * Virtual time follows the wall clock, {@code speed} times faster: for a person at the console, or a client that
     * cannot be paced. Not deterministic: how far time went depends on how fast the client was.
     *
     * @param speed more than 0; 1 is real time
     */
    static ClockMode wall(double speed) {
        return new Wall(speed);
    }

    /**
     * Virtual time follows the client: every request to the simulated APIs first moves it on by {@code step}, and a
     * read ({@code GET}) of a server, volume, port or image with work in progress first runs that work to its end.
     * A client's own wait loop then ends after the same requests every time, and nothing sleeps for the cloud.
     *
     * @param step how far each request moves the clock; zero for reads alone
     */
    static ClockMode client(Duration step) {
        return new Client(step, true);
    }

    /** Its name in the control plane and scenario files: {@code manual}, {@code wall} or {@code client}. */
    String jsonName();

    /** Virtual time moves only when told. */
    record Manual() implements ClockMode {
        @Override
        public String jsonName() {
            return "manual";
        }
    }

    /**
     * Virtual time follows the wall clock, {@code speed} times faster.
     *
     * @param speed more than 0
     */
    record Wall(double speed) implements ClockMode {
        public Wall {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed must be a number above 0, not " + speed);
            }
        }

        @Override
        public String jsonName() {
            return "wall";
        }
    }

    /**
     * Virtual time follows the client's requests.
     *
     * @param step        how far each request to the simulated APIs moves the clock first; not negative
     * @param settleReads whether a read of something with work in progress first runs that work to its end
     */
    record Client(Duration step, boolean settleReads) implements ClockMode {
        public Client {
            Objects.requireNonNull(step, "step");
            if (step.isNegative()) {
                throw new IllegalArgumentException("step must not be negative, not " + step.toMillis() / 1000.0);
            }
        }

        /** The same pace, with reads that do not run work: only the step moves time. */
        public Client steppingOnly() {
            return new Client(step, false);
        }

        @Override
        public String jsonName() {
            return "client";
        }
    }
}
