package io.novasim.http;

import io.novasim.CloudSetup;
import io.novasim.state.time.Timings;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a simulator runs (and, in {@code dialects}, which vendor compute dialects it serves besides Nova's): where it listens, its seed and world, how long operations take, and how its virtual clock
 * moves ({@code clockSpeed} 0 means only when told; 1 follows the wall clock; 10 runs ten times faster).
 *
 * @param controlToken a token that is always valid and acts as an admin (for scripts and the control plane), or null
 * @param eventListener also told every engine event, in order, under the engine's lock (a scenario's transcript)
 */
public record SimulatorSettings(String host, int port, long seed, CloudSetup setup, Timings timings, Instant start,
                                double clockSpeed, Duration tokenLifetime, String controlToken,
                                int journalCapacity, int eventLogCapacity, java.util.Set<String> dialects,
                                io.novasim.state.log.EventListener eventListener) {
    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(eventListener, "eventListener");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        dialects = java.util.Set.copyOf(dialects);
        java.util.Set<String> known = new java.util.HashSet<>();
        io.novasim.http.compute.ComputeDialect.all().forEach(d -> known.add(d.name()));
        for (String dialect : dialects) {
            if (!known.contains(dialect)) {
                throw new IllegalArgumentException("unknown dialect " + dialect + "; one of " + known);
            }
        }
        if (clockSpeed < 0) {
            throw new IllegalArgumentException("clock speed cannot be negative: " + clockSpeed);
        }
    }
}
