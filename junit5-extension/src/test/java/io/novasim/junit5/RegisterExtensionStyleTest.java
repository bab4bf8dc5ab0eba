package io.novasim.junit5;

import io.novasim.NovaSimulator;
import io.novasim.model.server.VmState;
import io.novasim.state.rules.Operation;
import io.novasim.state.time.Timings;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @RegisterExtension} on a static field: one simulator for the class, reset before each test. */
@Timeout(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisterExtensionStyleTest {
    private static final AtomicReference<NovaSimulator> FIRST = new AtomicReference<>();
    private static final AtomicReference<Instant> START = new AtomicReference<>();
    private static final Timings SLOW_CREATE = Timings.defaults().with(Operation.CREATE, Duration.ofSeconds(42));

    @RegisterExtension
    static NovaSimulatorExtension nova = NovaSimulatorExtension.builder()
            .simulator(NovaSimulator.builder().seed(7).timings(SLOW_CREATE).controlToken("let-me-in"))
            .build();

    @Test
    @Order(1)
    void theBuildersSettingsReachTheSimulator() {
        FIRST.set(nova.simulator());
        START.set(nova.control().now());
        assertThat(nova.simulator().settings().seed()).isEqualTo(7);
        assertThat(nova.simulator().settings().timings()).isEqualTo(SLOW_CREATE);
        assertThat(nova.simulator().settings().clockSpeed()).isZero();
        assertThat(nova.control()).isSameAs(nova.simulator().control());
        assertThat(nova.identityEndpoint())
                .isEqualTo(URI.create("http://127.0.0.1:" + nova.simulator().port() + "/identity/v3"));
        assertThat(Http.get(URI.create(nova.simulator().baseUri() + "/__sim/v1/state"), "let-me-in").statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void theCredentialsLogInAndListServers() {
        NovaSimulator.Credentials c = nova.credentials();
        assertThat(c).isEqualTo(new NovaSimulator.Credentials(nova.identityEndpoint(), "demo", "secret",
                "demo", "Default", "Default", "RegionOne"));
        assertThat(nova.cloudsYaml()).isEqualTo(nova.simulator().cloudsYaml()).contains("username: demo");
        String token = Http.token(c.authUrl(), c.username(), c.password(), c.userDomainName(), c.projectName(),
                c.projectDomainName());
        assertThat(Http.createServer(nova.simulator(), token, "web").statusCode()).isEqualTo(202);
        assertThat(Http.listServers(nova.simulator(), token).body()).contains("\"web\"");
        nova.control().advance(Duration.ofSeconds(42));
        assertThat(nova.control().state().servers()).singleElement()
                .satisfies(server -> assertThat(server.vmState()).isEqualTo(VmState.ACTIVE));
    }

    @Test
    @Order(3)
    void theServerOfTheLastTestIsGoneAndSoIsTheTime(NovaSimulator parameter) {
        assertThat(parameter).isSameAs(nova.simulator()).isSameAs(FIRST.get());
        assertThat(nova.control().state().servers()).isEmpty();
        assertThat(Http.listServers(parameter, Http.demoToken(parameter)).body()).doesNotContain("\"web\"");
        assertThat(nova.control().now()).isEqualTo(START.get());
    }
}
