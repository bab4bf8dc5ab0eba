package io.novasim;

import io.novasim.state.time.Timings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a simulator runs, as its {@link NovaSimulator.Builder} made it: an immutable value.
 *
 * @param host             the address to listen on
 * @param port             the port to listen on, 0 for a free one
 * @param seed             seeds ids, MAC addresses and fault draws
 * @param setup            the world it starts with and goes back to on reset
 * @param timings          how long each operation's asynchronous work takes, in virtual time
 * @param start            the virtual time the clock starts at
 * @param clock            how virtual time moves when the simulator starts (it can be changed while it runs)
 * @param tokenLifetime    how long an issued token stays valid, in virtual time
 * @param controlToken     a token that is always valid and acts as an admin (for scripts and the control plane), or
 *                         null
 * @param journalCapacity  how many requests the journal keeps
 * @param eventLogCapacity how many engine events the event log keeps
 * @param dialects         the compute dialects served ({@link #DIALECTS}), Nova's among them
 * @param eventListener    also told every engine event, in order, under the engine's lock (a scenario's transcript)
 * @param snapshot         a {@link SimulatorControl#snapshot() snapshot} the simulator starts from and goes back to on
 *                         reset, or null to start from {@code setup} alone
 */
public record SimulatorSettings(String host, int port, long seed, CloudSetup setup, Timings timings, Instant start,
                                ClockMode clock, Duration tokenLifetime, String controlToken,
                                int journalCapacity, int eventLogCapacity, java.util.Set<String> dialects,
                                io.novasim.state.log.EventListener eventListener, String snapshot) {
    /** The compute dialects a simulator can serve, Nova's first. */
    public static final java.util.List<String> DIALECTS = java.util.List.of("nova", "ecl-compute", "ecl-baremetal",
            "hostway");

    /** Checks every setting: a port in range, known dialects. */
    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(eventListener, "eventListener");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        dialects = java.util.Set.copyOf(dialects);
        for (String dialect : dialects) {
            if (!DIALECTS.contains(dialect)) {
                throw new IllegalArgumentException("unknown dialect " + dialect + "; one of " + DIALECTS);
            }
        }
    }

    /** The starting clock's speed against the wall clock: 0 unless it follows the wall clock. */
    public double clockSpeed() {
        return clock instanceof ClockMode.Wall wall ? wall.speed() : 0;
    }
}
