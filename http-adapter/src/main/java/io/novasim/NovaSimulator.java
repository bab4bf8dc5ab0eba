package io.novasim;

import io.javalin.Javalin;
import io.novasim.http.SimulatorComponent;
import io.novasim.http.SimulatorSettings;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An OpenStack cloud in a box: Keystone, Nova, Neutron, Cinder and Glance endpoints on one port, over a deterministic
 * in-memory core. Create one per test (or per suite), {@link #start()} it, point a client at
 * {@link #identityEndpoint()}, and {@link #close()} it.
 *
 * <pre>{@code
 * try (NovaSimulator sim = NovaSimulator.builder().seed(42).build().start()) {   // 127.0.0.1, a free port
 *     URI keystone = sim.identityEndpoint();                                     // http://127.0.0.1:PORT/identity/v3
 *     ... // user demo / secret, project demo
 *     sim.control().advance(Duration.ofSeconds(5));                              // BUILD -> ACTIVE, no sleeping
 * }
 * }</pre>
 */
public final class NovaSimulator implements AutoCloseable {
    private final SimulatorSettings settings;
    private final SimulatorComponent component;
    private final SimulatorControl control;
    private Javalin server;
    private boolean closed;

    private NovaSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.component = SimulatorComponent.of(settings);
        this.control = component.control();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port (a free one when the builder said 0) and starts serving. */
    public synchronized NovaSimulator start() {
        if (closed) {
            throw new IllegalStateException("a simulator cannot be restarted once closed");
        }
        if (server == null) {
            server = component.app().create().start(settings.host(), settings.port());
        }
        return this;
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.port();
    }

    public URI baseUri() {
        return URI.create("http://" + hostForUri() + ":" + port());
    }

    /** The Keystone URL to give clients ({@code OS_AUTH_URL}). */
    public URI identityEndpoint() {
        return URI.create(baseUri() + "/identity/v3");
    }

    public URI computeEndpoint() {
        return URI.create(baseUri() + "/v2.1");
    }

    private String hostForUri() {
        String host = settings.host();
        return host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    /** The base URL of each dialect served, by name ({@code {tenant_id}} stands for the project id). */
    public java.util.Map<String, String> dialectEndpoints() {
        java.util.Map<String, String> endpoints = new java.util.LinkedHashMap<>();
        for (io.novasim.http.compute.ComputeDialect dialect : io.novasim.http.compute.ComputeDialect.all()) {
            if (settings.dialects().contains(dialect.name())) {
                endpoints.put(dialect.name(), dialect.baseUrl(baseUri().toString()));
            }
        }
        return endpoints;
    }

    public SimulatorControl control() {
        return control;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized String toString() {
        return "NovaSimulator{" + (closed ? "closed" : server == null ? "new" : "port=" + server.port()) + "}";
    }

    /** Settings with sensible defaults: 127.0.0.1, a free port, seed 1, the demo world, a clock that moves only when told. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private long seed = 1;
        private CloudSetup setup = CloudSetup.demo();
        private Timings timings = Timings.defaults();
        private Instant start = VirtualClock.DEFAULT_START;
        private double clockSpeed = 0;
        private Duration tokenLifetime = Duration.ofHours(24);
        private String controlToken;
        private int journalCapacity = 10_000;
        private int eventLogCapacity = 100_000;
        private java.util.Set<String> dialects = allDialects();

        private static java.util.Set<String> allDialects() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            io.novasim.http.compute.ComputeDialect.all().forEach(d -> names.add(d.name()));
            return names;
        }

        /**
         * The compute dialects to serve besides Nova's own (which is always served): {@code ecl-compute},
         * {@code ecl-baremetal}, {@code hostway}. All of them by default.
         */
        public Builder dialects(String... names) {
            java.util.Set<String> chosen = new java.util.LinkedHashSet<>(java.util.List.of(names));
            chosen.add("nova");
            this.dialects = chosen;
            return this;
        }

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value);
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder setup(CloudSetup value) {
            this.setup = Objects.requireNonNull(value);
            return this;
        }

        public Builder timings(Timings value) {
            this.timings = Objects.requireNonNull(value);
            return this;
        }

        public Builder start(Instant value) {
            this.start = Objects.requireNonNull(value);
            return this;
        }

        /** 0: virtual time moves only when told (tests, scenarios); 1: it follows the wall clock; 10: ten times faster. */
        public Builder clockSpeed(double value) {
            this.clockSpeed = value;
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value);
            return this;
        }

        /** A token that is always valid and acts as an admin, for scripts and the control plane. */
        public Builder controlToken(String value) {
            this.controlToken = value;
            return this;
        }

        public Builder journalCapacity(int value) {
            this.journalCapacity = value;
            return this;
        }

        public Builder eventLogCapacity(int value) {
            this.eventLogCapacity = value;
            return this;
        }

        public NovaSimulator build() {
            return new NovaSimulator(new SimulatorSettings(host, port, seed, setup, timings, start, clockSpeed,
                    tokenLifetime, controlToken, journalCapacity, eventLogCapacity, dialects));
        }
    }
}
