package io.novasim.http;

import io.novasim.RecordedRequest;
import io.novasim.CloudSetup;
import io.novasim.ApiRequest;
import io.novasim.ApiResponse;
import io.novasim.NovaSimulator;
import io.novasim.model.server.VmState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class EmbeddingTest {
    private static final String DEMO_USER = "d3b07384d113edec49eaa6238ad5ff00";
    private static final String ALT_USER = "c157a79031e1c40f85931829bc5fc552";
    private static final String ADMIN_USER = "21232f297a57a5a743894a0e4a801fc3";

    @Test
    void takeRequestHandsOutEachRequestOnceInArrivalOrder() throws Exception {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            Client demo = Client.as(sim, "demo", "demo");
            assertThat(sim.control().takeRequest(0, TimeUnit.SECONDS)).isNull();

            demo.get("/v2.1/servers?name=web");
            demo.get("/v2.1/flavors");

            RecordedRequest first = sim.control().takeRequest();
            assertThat(first.requestLine()).isEqualTo("GET /v2.1/servers?name=web");
            assertThat(first.status()).isEqualTo(200);
            assertThat(sim.control().takeRequest(5, TimeUnit.SECONDS).requestLine()).isEqualTo("GET /v2.1/flavors");
            assertThat(sim.control().takeRequest(10, TimeUnit.MILLISECONDS)).isNull();
            assertThat(sim.control().requests()).hasSize(2); // reading the journal takes nothing
        }
    }

    @Test
    void takeRequestWaitsForTheNextRequest() throws Exception {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            Client demo = Client.as(sim, "demo", "demo");
            CompletableFuture<RecordedRequest> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return sim.control().takeRequest(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            demo.post("/v2.1/servers", """
                    {"server": {"name": "web", "flavorRef": "1", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b",
                     "networks": "auto"}}""");
            RecordedRequest taken = waiting.get(20, TimeUnit.SECONDS);
            assertThat(taken.requestLine()).isEqualTo("POST /v2.1/servers");
            assertThat(taken.body()).contains("\"web\"");
            assertThat(taken.status()).isEqualTo(202);
        }
    }

    @Test
    void aConsumerBehindTheBoundedJournalGetsTheOldestKept() throws Exception {
        try (NovaSimulator sim = NovaSimulator.builder().journalCapacity(2).build().start()) {
            Client demo = Client.as(sim, "demo", "demo");
            demo.get("/v2.1/servers");
            demo.get("/v2.1/flavors");
            demo.get("/v2.1/os-keypairs");

            assertThat(sim.control().takeRequest(1, TimeUnit.SECONDS).path()).isEqualTo("/v2.1/flavors");
            assertThat(sim.control().takeRequest(1, TimeUnit.SECONDS).path()).isEqualTo("/v2.1/os-keypairs");
            assertThat(sim.control().takeRequest(0, TimeUnit.SECONDS)).isNull();
            assertThat(Client.as(sim, "admin", "admin").get("/__sim/v1/requests").json().get("dropped").asLong())
                    .as("the control plane says how many fell off the bound").isEqualTo(1);
        }
    }

    @Test
    void resetForgetsThePendingRequests() throws Exception {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            Client.as(sim, "demo", "demo").get("/v2.1/servers");
            sim.control().reset();
            assertThat(sim.control().takeRequest(0, TimeUnit.SECONDS)).isNull();

            Client.as(sim, "demo", "demo").get("/v2.1/flavors");
            RecordedRequest next = sim.control().takeRequest(1, TimeUnit.SECONDS);
            assertThat(next.path()).isEqualTo("/v2.1/flavors");
            assertThat(next.sequence()).isEqualTo(1); // a reset numbers the journal from 1 again
        }
    }

    @Test
    void theCredentialsOfTheDemoWorldLogIn() {
        try (NovaSimulator sim = NovaSimulator.builder().build().start()) {
            NovaSimulator.Credentials c = sim.credentials();
            assertThat(c).isEqualTo(new NovaSimulator.Credentials(sim.identityEndpoint(), "demo", "secret", "demo",
                    "Default", "Default", "RegionOne"));
            assertThat(sim.cloudsYaml()).isEqualTo("""
                    clouds:
                      novasim:
                        auth:
                          auth_url: %s
                          username: demo
                          password: secret
                          project_name: demo
                          user_domain_name: Default
                          project_domain_name: Default
                        region_name: RegionOne
                        identity_api_version: 3
                    """.formatted(sim.identityEndpoint()));
            assertThat(Client.as(sim, c.username(), c.projectName()).token()).isNotBlank();
        }
    }

    @Test
    void theCredentialsPreferAUserWhoIsAdminNowhere() {
        CloudSetup demo = CloudSetup.demo();
        CloudSetup adminFirst = new CloudSetup(demo.catalog(), Map.of(ADMIN_USER, "s3cret", ALT_USER, "no: way"),
                demo.roles(), demo.volumes());
        try (NovaSimulator sim = NovaSimulator.builder().setup(adminFirst).build().start()) {
            assertThat(sim.credentials().username()).isEqualTo("alt");
            assertThat(sim.credentials().projectName()).isEqualTo("alt");
            assertThat(sim.cloudsYaml()).contains("      password: 'no: way'\n");
        }
        CloudSetup adminOnly = new CloudSetup(demo.catalog(), Map.of(ADMIN_USER, "s3cret"), demo.roles(),
                demo.volumes());
        try (NovaSimulator sim = NovaSimulator.builder().setup(adminOnly).build().start()) {
            assertThat(sim.credentials().username()).isEqualTo("admin");
            assertThat(sim.credentials().projectName()).isEqualTo("demo"); // its first project in the setup's order
        }
        CloudSetup nobody = new CloudSetup(demo.catalog(), Map.of(DEMO_USER, "secret"),
                Map.of(DEMO_USER, Map.<String, Set<String>>of()), demo.volumes());
        try (NovaSimulator sim = NovaSimulator.builder().setup(nobody).build().start()) {
            assertThatThrownBy(sim::credentials).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no user of the setup can log in");
        }
    }

    @Test
    void credentialsNeedAStartedSimulator() {
        try (NovaSimulator sim = NovaSimulator.builder().build()) {
            assertThatThrownBy(sim::credentials).isInstanceOf(IllegalStateException.class);
            assertThat(sim.toString()).isEqualTo("NovaSimulator{new}");
        }
    }

    @Test
    void aSimulatorNotStartedAnswersInMemoryWithTheSameControl() throws Exception {
        try (NovaSimulator sim = NovaSimulator.builder().seed(7).build()) {
            ApiResponse token = sim.exchange(ApiRequest.of("POST", "/identity/v3/auth/tokens").json("""
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                     "domain": {"name": "Default"}, "password": "secret"}}},
                     "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}"""));
            assertThat(token.status()).isEqualTo(201);
            ApiResponse created = sim.exchange(ApiRequest.of("POST", "/v2.1/servers")
                    .header("X-Auth-Token", token.header("X-Subject-Token")).json("""
                            {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b",
                             "flavorRef": "1"}}"""));
            assertThat(created.status()).as(created.text()).isEqualTo(202);
            assertThat(created.header("Location")).startsWith("http://127.0.0.1:8774/v2.1/servers/");
            assertThat(sim.control().state().servers()).singleElement()
                    .satisfies(server -> assertThat(server.vmState()).isEqualTo(VmState.BUILDING));

            sim.control().advance(Duration.ofMinutes(1));
            assertThat(sim.control().state().servers()).singleElement()
                    .satisfies(server -> assertThat(server.vmState()).isEqualTo(VmState.ACTIVE));
            assertThat(sim.control().takeRequest(0, TimeUnit.SECONDS).requestLine()).isEqualTo("POST /v2.1/servers");
            assertThat(sim.toString()).isEqualTo("NovaSimulator{new}");

            sim.control().reset();
            assertThat(sim.control().state().servers()).isEmpty();
        }
    }

    @Test
    void inMemoryIsAsDeterministicAsOverHttp() {
        try (NovaSimulator one = NovaSimulator.builder().seed(3).build();
             NovaSimulator two = NovaSimulator.builder().seed(3).build().start()) {
            ApiRequest.Built versions = ApiRequest.of("GET", "/v2.1/servers");
            ApiResponse first = one.exchange(versions);
            ApiResponse second = two.exchange(versions);
            assertThat(first.status()).isEqualTo(401);
            assertThat(first.header("x-openstack-request-id")).isEqualTo(second.header("x-openstack-request-id"));
            assertThat(first.text()).isEqualTo(second.text());
        }
    }

    @Test
    void aClosedSimulatorAnswersNothing() {
        NovaSimulator sim = NovaSimulator.builder().build();
        sim.close();
        assertThatThrownBy(() -> sim.exchange(ApiRequest.of("GET", "/"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSimulatorStartsFromASnapshotAndGoesBackToItOnReset() {
        String snapshot;
        try (NovaSimulator taken = NovaSimulator.builder().seed(5).build()) {
            taken.control().addFault(new io.novasim.state.faults.FaultRule("kept",
                    io.novasim.state.faults.FaultMatch.any(),
                    io.novasim.state.faults.FaultEffect.Error.serviceUnavailable("later"),
                    io.novasim.state.faults.Trigger.always()));
            taken.control().advance(Duration.ofMinutes(3));
            snapshot = taken.control().snapshot();
        }
        try (NovaSimulator sim = NovaSimulator.builder().seed(5).restore(snapshot).build()) {
            assertThat(sim.control().faultRules()).extracting(rule -> rule.id()).containsExactly("kept");
            java.time.Instant then = sim.control().now();
            sim.control().removeFault("kept");
            sim.control().advance(Duration.ofMinutes(1));
            sim.control().reset();
            assertThat(sim.control().faultRules()).extracting(rule -> rule.id()).containsExactly("kept");
            assertThat(sim.control().now()).isEqualTo(then);
        }
        assertThatThrownBy(() -> NovaSimulator.builder().seed(6).restore(snapshot).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taken with seed 5");
    }
}
