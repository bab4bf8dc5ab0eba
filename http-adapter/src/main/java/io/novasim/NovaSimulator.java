package io.novasim;

import io.novasim.http.Api;
import io.novasim.http.ApiComponent;
import io.novasim.http.compute.ComputeDialect;
import io.novasim.http.javalin.JavalinServer;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.state.log.EventListener;
import io.novasim.state.time.Timings;
import io.novasim.state.time.VirtualClock;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OpenStack cloud in a box: Keystone, Nova, Neutron, Cinder and Glance endpoints on one port, over a deterministic
 * in-memory core. Create one per test (or per suite), {@link #start()} it, point a client at
 * {@link #identityEndpoint()} with {@link #credentials()}, and {@link #close()} it. A simulator cannot be restarted.
 *
 * <pre>{@code
 * try (NovaSimulator sim = NovaSimulator.builder().seed(42).build().start()) {   // 127.0.0.1, a free port
 *     URI keystone = sim.identityEndpoint();                                     // http://127.0.0.1:PORT/identity/v3
 *     ... // sim.credentials(): user demo / secret, project demo
 *     sim.control().advance(Duration.ofSeconds(5));                              // BUILD -> ACTIVE, no sleeping
 *     RecordedRequest first = sim.control().takeRequest(1, TimeUnit.SECONDS);   // "POST /v2.1/servers"
 * }
 * }</pre>
 *
 * <p><b>Over HTTP or in memory.</b> A built simulator answers at once in memory: {@link #exchange} sends it a request
 * without a socket or a thread, and {@link #control()} drives it; nothing needs starting or closing. {@link #start()}
 * also serves the same APIs over HTTP, for tests of code that talks to OpenStack over the wire (an SDK, a client, a
 * Terraform provider); it costs a port and a few milliseconds. Both ways give the same answers, over HTTP with the
 * headers a transport adds ({@code Date}, the length or chunking).
 */
public final class NovaSimulator implements AutoCloseable {
    private static final String CLOUD_NAME = "novasim";
    private static final String REGION = "RegionOne";

    private final SimulatorSettings settings;
    private final Api api;
    private final SimulatorControl control;
    private final io.novasim.http.console.ConsoleStream stream;
    private JavalinServer server;
    private boolean closed;

    private NovaSimulator(SimulatorSettings settings) {
        this.settings = settings;
        ApiComponent component = ApiComponent.of(settings);
        try {
            this.control = component.simulation();
        } catch (io.novasim.model.error.ComputeException unreadable) {
            throw new IllegalArgumentException("cannot restore the snapshot: " + unreadable.getMessage(), unreadable);
        }
        this.api = component.api();
        this.stream = component.consoleStream();
    }

    /**
     * A builder with the defaults: 127.0.0.1, a free port, seed 1, the demo world, a clock that moves only when told.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the port (a free one when the builder said 0) and starts serving; does nothing when already started.
     *
     * @return this simulator, to chain
     * @throws IllegalStateException when the simulator was closed
     * @throws java.io.UncheckedIOException with a {@link java.net.BindException} when it cannot listen on its host
     *                                      and port
     */
    public synchronized NovaSimulator start() {
        if (closed) {
            throw new IllegalStateException("a simulator cannot be restarted once closed");
        }
        if (server == null) {
            server = JavalinServer.start(api, stream, settings.host(), settings.port());
        }
        return this;
    }

    /**
     * Answers a request in memory: the APIs that {@link #start()} serves over HTTP, without a socket, a client or a
     * thread hand-off (the calling thread runs it). Works whether or not the simulator was started; a scenario run
     * sends its hundred thousand requests this way. The answer is the one HTTP gives, less what a transport adds
     * ({@code Date}, the length or chunking). A request that names no {@link ApiRequest#base() base} reached
     * {@link #baseUri()} once started, else {@code http://HOST:PORT} of the builder (port 8774 when it said 0).
     *
     * <p>A fault rule may make the answer slow (the virtual clock moves on by the length drawn; while it follows the
     * wall clock, this call waits that long at the clock's speed) or lose it to a transport fault.
     *
     * @param request the request
     * @return the answer
     * @throws IllegalStateException after {@link #close()}
     * @throws TransportFailure when a fault rule lost the answer to a transport fault (the call was handled)
     */
    public ApiResponse exchange(ApiRequest request) {
        if (closed) {
            throw new IllegalStateException("the simulator is closed");
        }
        ApiResponse response = api.handle(request.base() != null ? request : new AddressedRequest(request, address()));
        ApiResponse.Delivery delivery = response.delivery();
        if (delivery.lostTo() != null) {
            throw new TransportFailure(delivery.lostTo(), delivery.ruleId());
        }
        if (!delivery.holdFor().isZero()) {
            try {
                Thread.sleep(delivery.holdFor().toMillis(), delivery.holdFor().toNanosPart() % 1_000_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return response;
    }

    /** Where a request with no base of its own reached the simulator. */
    private synchronized String address() {
        if (server != null) {
            return baseUri().toString();
        }
        return "http://" + hostForUri() + ":" + (settings.port() == 0 ? 8774 : settings.port());
    }

    /**
     * The port the simulator listens on.
     *
     * @return the bound port (the chosen one when the builder said 0)
     * @throws IllegalStateException before {@link #start()} and after {@link #close()}
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.port();
    }

    /**
     * Where the simulator listens ({@code 127.0.0.1} when it listens on every address).
     *
     * @return e.g. {@code http://127.0.0.1:PORT}
     * @throws IllegalStateException as {@link #port()}
     */
    public URI baseUri() {
        return URI.create("http://" + hostForUri() + ":" + port());
    }

    /**
     * The Keystone URL to give clients ({@code OS_AUTH_URL}); the token's catalog names the other endpoints.
     *
     * @return e.g. {@code http://127.0.0.1:PORT/identity/v3}
     * @throws IllegalStateException as {@link #port()}
     */
    public URI identityEndpoint() {
        return URI.create(baseUri() + "/identity/v3");
    }

    /**
     * The Nova URL, for clients that skip the catalog.
     *
     * @return e.g. {@code http://127.0.0.1:PORT/v2.1}
     * @throws IllegalStateException as {@link #port()}
     */
    public URI computeEndpoint() {
        return URI.create(baseUri() + "/v2.1");
    }

    private String hostForUri() {
        String host = settings.host();
        return host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * The base URL of each compute dialect served, by name ({@code {tenant_id}} stands for the project id).
     *
     * @return dialect name to base URL, in a stable order
     * @throws IllegalStateException as {@link #port()}
     */
    public java.util.Map<String, String> dialectEndpoints() {
        java.util.Map<String, String> endpoints = new java.util.LinkedHashMap<>();
        for (ComputeDialect dialect : ComputeDialect.all()) {
            if (settings.dialects().contains(dialect.name())) {
                endpoints.put(dialect.name(), dialect.baseUrl(baseUri().toString()));
            }
        }
        return endpoints;
    }

    /**
     * How a client logs in: the first user of the setup with a password and a role in a project, preferring one that
     * is admin nowhere, scoped to the first project (in the setup's order) where it has a role. In the demo world:
     * {@code demo} / {@code secret}, project {@code demo}.
     *
     * @return the credentials, with {@link #identityEndpoint()} as the auth URL
     * @throws IllegalStateException before {@link #start()}, or when no user of the setup can log in
     */
    public Credentials credentials() {
        return Credentials.pick(settings.setup(), identityEndpoint());
    }

    /**
     * A {@code clouds.yaml} for {@link #credentials()}, naming the cloud {@code novasim}: write it to
     * {@code ~/.config/openstack/clouds.yaml} (or point {@code OS_CLIENT_CONFIG_FILE} at it), then
     * {@code export OS_CLOUD=novasim}.
     *
     * @return the YAML text, ending with a newline
     * @throws IllegalStateException as {@link #credentials()}
     */
    public String cloudsYaml() {
        return credentials().cloudsYaml(CLOUD_NAME);
    }

    /**
     * The control interface: clock, faults, reset, snapshots, state and the request journal. Usable without
     * {@link #start()} too.
     *
     * @return the one control of this simulator
     */
    public SimulatorControl control() {
        return control;
    }

    /**
     * The settings the builder made.
     *
     * @return host, port, seed, setup, timings and the rest: an immutable value
     */
    public SimulatorSettings settings() {
        return settings;
    }

    /** Stops serving and frees the port; the simulator cannot be started again. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * As MockWebServer's: {@code NovaSimulator{new}}, {@code NovaSimulator{port=N}} or {@code NovaSimulator{closed}}.
     *
     * @return the lifecycle state
     */
    @Override
    public synchronized String toString() {
        return "NovaSimulator{" + (closed ? "closed" : server == null ? "new" : "port=" + server.port()) + "}";
    }

    /**
     * Password credentials for an OpenStack client, as in a {@code clouds.yaml} or the {@code OS_*} variables. With
     * openstack4j: {@code OSFactory.builderV3().endpoint(c.authUrl().toString()).credentials(c.username(),
     * c.password(), Identifier.byName(c.userDomainName())).scopeToProject(Identifier.byName(c.projectName()),
     * Identifier.byName(c.projectDomainName())).authenticate()}.
     *
     * @param authUrl           the Keystone v3 URL ({@code OS_AUTH_URL})
     * @param username          {@code OS_USERNAME}
     * @param password          {@code OS_PASSWORD}
     * @param projectName       {@code OS_PROJECT_NAME}
     * @param userDomainName    {@code OS_USER_DOMAIN_NAME}
     * @param projectDomainName {@code OS_PROJECT_DOMAIN_NAME}
     * @param regionName        {@code OS_REGION_NAME}
     */
    public record Credentials(URI authUrl, String username, String password, String projectName,
                              String userDomainName, String projectDomainName, String regionName) {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z_./][A-Za-z0-9_./:@-]*");
        private static final Pattern KEYWORD = Pattern.compile("(?i)true|false|yes|no|on|off|null|y|n");

        /** Checks that no part is null. */
        public Credentials {
            Objects.requireNonNull(authUrl, "authUrl");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(projectName, "projectName");
            Objects.requireNonNull(userDomainName, "userDomainName");
            Objects.requireNonNull(projectDomainName, "projectDomainName");
            Objects.requireNonNull(regionName, "regionName");
        }

        static Credentials pick(CloudSetup setup, URI authUrl) {
            List<User> users = setup.catalog().users();
            return users.stream().filter(u -> !isAdminSomewhere(setup, u))
                    .map(u -> of(setup, u, authUrl)).flatMap(Optional::stream).findFirst()
                    .or(() -> users.stream().map(u -> of(setup, u, authUrl)).flatMap(Optional::stream).findFirst())
                    .orElseThrow(() -> new IllegalStateException(
                            "no user of the setup can log in: none has both a password and a role in a project"));
        }

        private static boolean isAdminSomewhere(CloudSetup setup, User user) {
            return setup.roles().getOrDefault(user.id(), java.util.Map.of()).values().stream()
                    .anyMatch(roles -> roles.contains("admin"));
        }

        private static Optional<Credentials> of(CloudSetup setup, User user, URI authUrl) {
            String password = setup.passwords().get(user.id());
            if (password == null) {
                return Optional.empty();
            }
            return setup.catalog().projects().stream()
                    .filter(p -> !setup.rolesOf(user.id(), p.id()).isEmpty())
                    .findFirst()
                    .map((Project p) -> new Credentials(authUrl, user.name(), password, p.name(),
                            domainName(user.domainId()), domainName(p.domainId()), REGION));
        }

        /** Keystone clients name the default domain {@code Default}; the simulator knows it by id {@code default}. */
        private static String domainName(String domainId) {
            return CloudSetup.DEFAULT_DOMAIN.equals(domainId) ? "Default" : domainId;
        }

        String cloudsYaml(String cloudName) {
            return "clouds:\n"
                    + "  " + yaml(cloudName) + ":\n"
                    + "    auth:\n"
                    + "      auth_url: " + yaml(authUrl.toString()) + "\n"
                    + "      username: " + yaml(username) + "\n"
                    + "      password: " + yaml(password) + "\n"
                    + "      project_name: " + yaml(projectName) + "\n"
                    + "      user_domain_name: " + yaml(userDomainName) + "\n"
                    + "      project_domain_name: " + yaml(projectDomainName) + "\n"
                    + "    region_name: " + yaml(regionName) + "\n"
                    + "    identity_api_version: 3\n";
        }

        /** A YAML scalar: plain when it reads back as the same string, else single-quoted. */
        private static String yaml(String value) {
            if (PLAIN.matcher(value).matches() && !KEYWORD.matcher(value).matches() && !value.contains(": ")) {
                return value;
            }
            return "'" + value.replace("'", "''") + "'";
        }
    }

    /**
     * Settings with sensible defaults: 127.0.0.1, a free port, seed 1, the demo world, default timings, a clock that
     * moves only when told, tokens valid 24 hours, no control token, every dialect. Then {@link #build()}.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private long seed = 1;
        private CloudSetup setup = CloudSetup.demo();
        private Timings timings = Timings.defaults();
        private Instant start = VirtualClock.DEFAULT_START;
        private double clockSpeed = 0;
        private ClockMode clock;
        private Duration tokenLifetime = Duration.ofHours(24);
        private String controlToken;
        private int journalCapacity = 10_000;
        private int eventLogCapacity = 100_000;
        private java.util.Set<String> dialects = allDialects();
        private EventListener eventListener = EventListener.NONE;
        private String snapshot;

        private Builder() {
        }

        private static java.util.Set<String> allDialects() {
            return new java.util.LinkedHashSet<>(SimulatorSettings.DIALECTS);
        }

        /**
         * The compute dialects to serve besides Nova's own (which is always served): {@code ecl-compute},
         * {@code ecl-baremetal}, {@code hostway}. All of them by default.
         *
         * @param names the dialects' names
         * @return this builder
         */
        public Builder dialects(String... names) {
            java.util.Set<String> chosen = new java.util.LinkedHashSet<>(java.util.List.of(names));
            chosen.add("nova");
            this.dialects = chosen;
            return this;
        }

        /**
         * The address to listen on.
         *
         * @param value {@code 127.0.0.1} (the default), or {@code 0.0.0.0} for every interface
         * @return this builder
         */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The port to listen on. Automated tests should always use 0.
         *
         * @param value 0 (the default) for a free port
         * @return this builder
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * Seeds ids, MAC addresses and fault draws: the same seed and requests give the same answers.
         *
         * @param value the seed (default 1)
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * The world the simulator starts with, and goes back to on reset.
         *
         * @param value projects, users, flavors, images, networks and volumes (default {@link CloudSetup#demo()})
         * @return this builder
         */
        public Builder setup(CloudSetup value) {
            this.setup = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How long (in virtual time) each operation's asynchronous work takes.
         *
         * @param value the durations per operation (default {@link Timings#defaults()})
         * @return this builder
         */
        public Builder timings(Timings value) {
            this.timings = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The virtual time the clock starts at.
         *
         * @param value the instant (default {@link VirtualClock#DEFAULT_START})
         * @return this builder
         */
        public Builder start(Instant value) {
            this.start = Objects.requireNonNull(value);
            return this;
        }

        /**
         * How virtual time moves against the wall clock.
         *
         * @param value 0 (the default): only when told (tests, scenarios); 1: with the wall clock; 10: ten times faster
         * @return this builder
         */
        public Builder clockSpeed(double value) {
            this.clockSpeed = value;
            this.clock = null;
            return this;
        }

        /**
         * How virtual time moves when the simulator starts: {@link ClockMode#manual()} (the default),
         * {@link ClockMode#wall(double)}, or {@link ClockMode#client(Duration)}, which paces it by the client's
         * requests so that a client's own wait loop ends deterministically.
         *
         * @param mode the clock's mode
         * @return this builder
         */
        public Builder clock(ClockMode mode) {
            this.clock = java.util.Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How long (in virtual time) an issued token stays valid.
         *
         * @param value the lifetime (default 24 hours)
         * @return this builder
         */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value);
            return this;
        }

        /**
         * A token that is always valid and acts as an admin, for scripts and the control plane under
         * {@code /__sim/v1}.
         *
         * @param value the token, or null for none (the default)
         * @return this builder
         */
        public Builder controlToken(String value) {
            this.controlToken = value;
            return this;
        }

        /**
         * How many requests the journal keeps; older ones are dropped.
         *
         * @param value the bound (default 10 000)
         * @return this builder
         */
        public Builder journalCapacity(int value) {
            this.journalCapacity = value;
            return this;
        }

        /**
         * How many engine events the event log keeps; older ones are dropped.
         *
         * @param value the bound (default 100 000)
         * @return this builder
         */
        public Builder eventLogCapacity(int value) {
            this.eventLogCapacity = value;
            return this;
        }

        /**
         * Someone else to tell each engine event as it happens (a scenario runner writing its transcript), besides
         * the bounded event log. It is called under the engine's lock, in order, and must not call back into the
         * simulator.
         *
         * @param value the listener (default none)
         * @return this builder
         */
        public Builder eventListener(EventListener value) {
            this.eventListener = Objects.requireNonNull(value);
            return this;
        }

        /**
         * A snapshot to start from, as {@link SimulatorControl#snapshot()} wrote it (perhaps to a file, in another
         * JVM): the simulator rebuilds the state it recorded, ids included, and goes back to it on
         * {@link SimulatorControl#reset() reset}. It must come from a simulator of the same seed, setup and timings.
         *
         * @param value the snapshot's JSON text, or null to start from the setup alone (the default)
         * @return this builder
         */
        public Builder restore(String value) {
            this.snapshot = value;
            return this;
        }

        /**
         * A simulator with these settings: it answers in memory at once ({@link NovaSimulator#exchange}), and over
         * HTTP once {@link NovaSimulator#start() started}.
         *
         * @return a new simulator
         * @throws IllegalArgumentException when a setting is out of range, or the snapshot to restore is no
         *                                  snapshot of this seed
         */
        public NovaSimulator build() {
            return new NovaSimulator(settings());
        }

        private SimulatorSettings settings() {
            ClockMode mode = clock;
            if (mode == null) {
                if (clockSpeed < 0) {
                    throw new IllegalArgumentException("clock speed cannot be negative: " + clockSpeed);
                }
                mode = clockSpeed == 0 ? ClockMode.manual() : ClockMode.wall(clockSpeed);
            }
            return new SimulatorSettings(host, port, seed, setup, timings, start, mode, tokenLifetime,
                    controlToken, journalCapacity, eventLogCapacity, dialects, eventListener, snapshot);
        }
    }

    /** A request whose base is the simulator's own address. */
    private record AddressedRequest(ApiRequest request, String base) implements ApiRequest {
        @Override
        public String method() {
            return request.method();
        }

        @Override
        public String path() {
            return request.path();
        }

        @Override
        public String query() {
            return request.query();
        }

        @Override
        public String header(String name) {
            return request.header(name);
        }

        @Override
        public List<String> headerNames() {
            return request.headerNames();
        }

        @Override
        public List<ApiRequest.Header> headerLines() {
            return request.headerLines();
        }

        @Override
        public byte[] body() {
            return request.body();
        }
    }
}
