package io.novasim.http;

import io.novasim.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class NetworkApiTest extends SeededCloudTest {
    static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    static final String PRIVATE = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
    static final String PRIVATE_SUBNET = "f8a6e8f8-c2ec-497c-9f23-da9616de54ef";
    static final String ALT_PRIVATE = "9b5b2f3a-2b4c-4a7e-9c55-0e7b8e1f6a01";
    static final String PUBLIC = "0ad6b1f4-6a1f-4c4e-8f0f-1f6b3f4d2a77";
    static final String NO_SUCH = "00000000-0000-4000-8000-000000000000";

    NetworkApiTest() {
        super(11);
    }

    static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.get(name).asText()));
        return values;
    }

    String createPort(Client client, String body) {
        Client.Response created = client.post("/network/v2.0/ports", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().at("/port/id").asText();
    }

    String bootActiveServer() {
        Client.Response created = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(5));
        return created.json().at("/server/id").asText();
    }

    static void assertNeutronError(Client.Response response, int status, String type, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().at("/NeutronError/type").asText()).isEqualTo(type);
        assertThat(response.json().at("/NeutronError/message").asText()).isEqualTo(message);
        assertThat(response.json().at("/NeutronError/detail").asText()).isEmpty();
    }

    @Test
    void versionDiscoveryNeedsNoToken() {
        Client anonymous = Client.anonymous(sim);
        for (String path : List.of("/network", "/network/")) {
            Client.Response versions = anonymous.get(path);
            assertThat(versions.status()).isEqualTo(200);
            assertThat(versions.json().at("/versions/0/id").asText()).isEqualTo("v2.0");
            assertThat(versions.json().at("/versions/0/status").asText()).isEqualTo("CURRENT");
            assertThat(versions.json().at("/versions/0/links/0/href").asText())
                    .isEqualTo(sim.baseUri() + "/network/v2.0/");
            assertThat(versions.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}");
        }
        Client.Response resources = anonymous.get("/network/v2.0");
        assertThat(resources.status()).isEqualTo(200);
        assertThat(field(resources.json().get("resources"), "collection")).contains("networks", "subnets", "ports");
        assertThat(anonymous.get("/network/v2.0/").status()).isEqualTo(200);
    }

    @Test
    void extensionsListIsEmptyAndEveryAliasIsUnknown() {
        Client.Response list = demo.get("/network/v2.0/extensions");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("extensions").isArray()).isTrue();
        assertThat(list.json().get("extensions")).isEmpty();
        assertNeutronError(demo.get("/network/v2.0/extensions/tag-ports-during-bulk-creation"), 404, "HTTPNotFound",
                "Extension with alias tag-ports-during-bulk-creation does not exist");
    }

    @Test
    void everyResourceNeedsAValidToken() {
        Client anonymous = Client.anonymous(sim);
        Client bogus = Client.anonymous(sim).withHeader("X-Auth-Token", "gAAAAAnot-a-token");
        for (Client client : List.of(anonymous, bogus)) {
            for (String path : List.of("/network/v2.0/extensions", "/network/v2.0/networks",
                    "/network/v2.0/networks/" + PRIVATE, "/network/v2.0/subnets", "/network/v2.0/ports")) {
                Client.Response response = client.get(path);
                assertThat(response.status()).as(path).isEqualTo(401);
                assertThat(response.json().at("/error/message").asText())
                        .isEqualTo("The request you have made requires authentication.");
                assertThat(response.header("x-openstack-request-id")).isNotNull();
            }
            assertThat(client.post("/network/v2.0/ports", """
                    {"port": {"network_id": "%s"}}""".formatted(PRIVATE)).status()).isEqualTo(401);
            assertThat(client.delete("/network/v2.0/ports/" + NO_SUCH).status()).isEqualTo(401);
        }
        assertThat(demo.get("/network/v2.0/ports").json().get("ports")).isEmpty();
    }

    @Test
    void aUserSeesItsProjectsNetworksAndTheSharedOnes() {
        JsonNode networks = demo.get("/network/v2.0/networks").json().get("networks");
        assertThat(field(networks, "id")).containsExactlyInAnyOrder(PRIVATE, PUBLIC);
        JsonNode alt = Client.as(sim, "alt", "alt").get("/network/v2.0/networks").json().get("networks");
        assertThat(field(alt, "id")).containsExactlyInAnyOrder(ALT_PRIVATE, PUBLIC);
        JsonNode admin = Client.as(sim, "admin", "admin").get("/network/v2.0/networks").json().get("networks");
        assertThat(field(admin, "id")).containsExactlyInAnyOrder(PRIVATE, ALT_PRIVATE, PUBLIC);
    }

    @Test
    void networkListFiltersExactlyAndIgnoresUnknownFilters() {
        assertThat(field(demo.get("/network/v2.0/networks?name=private").json().get("networks"), "id"))
                .containsExactly(PRIVATE);
        assertThat(demo.get("/network/v2.0/networks?name=priv").json().get("networks")).isEmpty();
        assertThat(field(demo.get("/network/v2.0/networks?shared=true").json().get("networks"), "id"))
                .containsExactly(PUBLIC);
        assertThat(field(demo.get("/network/v2.0/networks?shared=False").json().get("networks"), "id"))
                .containsExactly(PRIVATE);
        assertThat(field(demo.get("/network/v2.0/networks?router:external=true").json().get("networks"), "id"))
                .containsExactly(PUBLIC);
        assertThat(field(demo.get("/network/v2.0/networks?id=" + PRIVATE + "&id=" + PUBLIC).json()
                .get("networks"), "id")).containsExactlyInAnyOrder(PRIVATE, PUBLIC);
        assertThat(demo.get("/network/v2.0/networks?colour=blue").json().get("networks")).hasSize(2);
        JsonNode trimmed = demo.get("/network/v2.0/networks?name=private&fields=id&fields=name").json()
                .at("/networks/0");
        assertThat(trimmed.size()).isEqualTo(2);
        assertThat(trimmed.get("name").asText()).isEqualTo("private");
    }

    @Test
    void networkShowHasNeutronsFieldsAndHidesOtherProjects() {
        Client.Response shown = demo.get("/network/v2.0/networks/" + PRIVATE);
        assertThat(shown.status()).isEqualTo(200);
        JsonNode network = shown.json().get("network");
        assertThat(network.get("name").asText()).isEqualTo("private");
        assertThat(network.get("tenant_id").asText()).isEqualTo(io.novasim.CloudSetup.DEMO_PROJECT);
        assertThat(network.get("project_id").asText()).isEqualTo(io.novasim.CloudSetup.DEMO_PROJECT);
        assertThat(network.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(network.get("admin_state_up").asBoolean()).isTrue();
        assertThat(network.get("shared").asBoolean()).isFalse();
        assertThat(network.get("router:external").asBoolean()).isFalse();
        assertThat(network.get("mtu").asInt()).isEqualTo(1450);
        assertThat(network.get("subnets").get(0).asText()).isEqualTo(PRIVATE_SUBNET);
        assertThat(network.get("tags").isArray()).isTrue();
        assertThat(network.get("created_at").asText()).endsWith("Z");
        assertThat(network.has("provider:network_type")).isFalse();

        assertNeutronError(demo.get("/network/v2.0/networks/" + ALT_PRIVATE), 404, "NetworkNotFound",
                "Network " + ALT_PRIVATE + " could not be found.");
        assertNeutronError(demo.get("/network/v2.0/networks/" + NO_SUCH), 404, "NetworkNotFound",
                "Network " + NO_SUCH + " could not be found.");
        JsonNode asAdmin = Client.as(sim, "admin", "admin").get("/network/v2.0/networks/" + ALT_PRIVATE).json()
                .get("network");
        assertThat(asAdmin.get("provider:network_type").asText()).isEqualTo("vxlan");
    }

    @Test
    void subnetsListShowAndFilter() {
        JsonNode subnets = demo.get("/network/v2.0/subnets").json().get("subnets");
        assertThat(field(subnets, "name")).containsExactlyInAnyOrder("private-subnet", "public-subnet");
        assertThat(field(demo.get("/network/v2.0/subnets?network_id=" + PRIVATE).json().get("subnets"), "id"))
                .containsExactly(PRIVATE_SUBNET);
        assertThat(field(demo.get("/network/v2.0/subnets?name=public-subnet").json().get("subnets"), "network_id"))
                .containsExactly(PUBLIC);

        JsonNode subnet = demo.get("/network/v2.0/subnets/" + PRIVATE_SUBNET).json().get("subnet");
        assertThat(subnet.get("cidr").asText()).isEqualTo("10.0.0.0/24");
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("10.0.0.1");
        assertThat(subnet.get("ip_version").asInt()).isEqualTo(4);
        assertThat(subnet.get("network_id").asText()).isEqualTo(PRIVATE);
        assertThat(subnet.at("/allocation_pools/0/start").asText()).isEqualTo("10.0.0.2");
        assertThat(subnet.at("/allocation_pools/0/end").asText()).isEqualTo("10.0.0.254");
        assertThat(subnet.get("allocation_pools")).hasSize(1);
        assertThat(subnet.get("enable_dhcp").asBoolean()).isTrue();

        String altSubnet = "b7c2d0aa-55d1-4c7e-bb52-1b8c0a3f9e10";
        assertNeutronError(demo.get("/network/v2.0/subnets/" + altSubnet), 404, "SubnetNotFound",
                "Subnet " + altSubnet + " could not be found.");
    }

    @Test
    void portCreateAnswers201WithNeutronsShape() {
        Client.Response created = demo.post("/network/v2.0/ports", """
                {"port": {"admin_state_up": true, "name": "p1", "network_id": "%s"}}""".formatted(PRIVATE));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}");
        JsonNode port = created.json().get("port");
        assertThat(port.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(port.get("name").asText()).isEqualTo("p1");
        assertThat(port.get("network_id").asText()).isEqualTo(PRIVATE);
        assertThat(port.get("tenant_id").asText()).isEqualTo(io.novasim.CloudSetup.DEMO_PROJECT);
        assertThat(port.get("project_id").asText()).isEqualTo(io.novasim.CloudSetup.DEMO_PROJECT);
        assertThat(port.get("mac_address").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
        assertThat(port.get("admin_state_up").asBoolean()).isTrue();
        assertThat(port.get("status").asText()).isEqualTo("DOWN");
        assertThat(port.at("/fixed_ips/0/subnet_id").asText()).isEqualTo(PRIVATE_SUBNET);
        assertThat(port.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.0.0.2");
        assertThat(port.get("device_id").asText()).isEmpty();
        assertThat(port.get("device_owner").asText()).isEmpty();
        assertThat(port.get("security_groups").isArray()).isTrue();
        assertThat(port.get("binding:vnic_type").asText()).isEqualTo("normal");
        assertThat(port.has("binding:host_id")).isFalse();
        assertThat(port.get("description").asText()).isEmpty();
        assertThat(port.get("tags")).isEmpty();
        assertThat(port.get("created_at").asText()).isNotEmpty();
        assertThat(port.get("updated_at").asText()).isNotEmpty();

        Client.Response shown = demo.get("/network/v2.0/ports/" + port.get("id").asText());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("port")).isEqualTo(port);
    }

    @Test
    void portCreateWithAFixedIpAndItsRefusals() {
        String id = createPort(demo, """
                {"port": {"network_id": "%s", "fixed_ips": [{"ip_address": "10.0.0.50"}]}}""".formatted(PRIVATE));
        assertThat(demo.get("/network/v2.0/ports/" + id).json().at("/port/fixed_ips/0/ip_address").asText())
                .isEqualTo("10.0.0.50");
        assertThat(demo.get("/network/v2.0/ports/" + id).json().at("/port/name").asText()).isEmpty();

        assertNeutronError(demo.post("/network/v2.0/ports", """
                        {"port": {"network_id": "%s", "fixed_ips": [{"subnet_id": "%s", "ip_address": "10.0.0.50"}]}}"""
                        .formatted(PRIVATE, PRIVATE_SUBNET)), 409, "IpAddressAlreadyAllocated",
                "IP address 10.0.0.50 already allocated in subnet " + PRIVATE_SUBNET);
        assertThat(demo.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "fixed_ips": [{"ip_address": "192.168.9.9"}]}}""".formatted(PRIVATE))
                .status()).isEqualTo(400);
        assertNeutronError(demo.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s"}}""".formatted(ALT_PRIVATE)), 404, "NetworkNotFound",
                "Network " + ALT_PRIVATE + " could not be found.");
        assertNeutronError(demo.post("/network/v2.0/ports", """
                {"port": {"name": "x"}}"""), 400, "HTTPBadRequest",
                "Failed to parse request. Required attribute 'network_id' not specified");
        assertNeutronError(demo.post("/network/v2.0/ports", """
                {"port": {"network_id": "%s", "colour": "blue"}}""".formatted(PRIVATE)), 400, "HTTPBadRequest",
                "Unrecognized attribute(s) 'colour'");
        assertNeutronError(demo.post("/network/v2.0/ports", "{\"nope\": {}}"), 400, "HTTPBadRequest",
                "Unable to find 'port' in request body");
        assertThat(demo.post("/network/v2.0/ports", "{not json").status()).isEqualTo(400);
        assertThat(demo.get("/network/v2.0/ports").json().get("ports")).hasSize(1);
    }

    @Test
    void portListFiltersByNameNetworkAndDevice() {
        String a = createPort(demo, """
                {"port": {"name": "a", "network_id": "%s"}}""".formatted(PRIVATE));
        String b = createPort(demo, """
                {"port": {"name": "b", "network_id": "%s"}}""".formatted(PUBLIC));
        assertThat(field(demo.get("/network/v2.0/ports").json().get("ports"), "id")).containsExactly(a, b);
        assertThat(field(demo.get("/network/v2.0/ports?name=b").json().get("ports"), "id")).containsExactly(b);
        assertThat(field(demo.get("/network/v2.0/ports?network_id=" + PRIVATE).json().get("ports"), "id"))
                .containsExactly(a);
        assertThat(field(demo.get("/network/v2.0/ports?device_id=").json().get("ports"), "id"))
                .containsExactly(a, b);
        assertThat(demo.get("/network/v2.0/ports?device_id=" + NO_SUCH).json().get("ports")).isEmpty();
        assertThat(field(demo.get("/network/v2.0/ports?fixed_ips=ip_address%3D10.0.0.2").json().get("ports"), "id"))
                .containsExactly(a);
        // openstack port list asks for some fields only
        JsonNode listed = demo.get("/network/v2.0/ports?fields=id&fields=name&fields=mac_address&fields=fixed_ips"
                + "&fields=status").json().get("ports");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).has("network_id")).isFalse();
        assertThat(listed.get(0).get("name").asText()).isEqualTo("a");
    }

    @Test
    void portsAreIsolatedByProject() {
        String id = createPort(demo, """
                {"port": {"name": "mine", "network_id": "%s"}}""".formatted(PRIVATE));
        Client alt = Client.as(sim, "alt", "alt");
        assertThat(alt.get("/network/v2.0/ports").json().get("ports")).isEmpty();
        assertNeutronError(alt.get("/network/v2.0/ports/" + id), 404, "PortNotFound",
                "Port " + id + " could not be found.");
        assertNeutronError(alt.delete("/network/v2.0/ports/" + id), 404, "PortNotFound",
                "Port " + id + " could not be found.");
        Client admin = Client.as(sim, "admin", "admin");
        assertThat(field(admin.get("/network/v2.0/ports").json().get("ports"), "id")).containsExactly(id);
        assertThat(admin.get("/network/v2.0/ports/" + id).json().at("/port/binding:vif_type").asText())
                .isEqualTo("unbound");
        assertThat(demo.get("/network/v2.0/ports/" + id).status()).isEqualTo(200);
    }

    @Test
    void portDeleteAnswers204ThenThePortIsGone() {
        String id = createPort(demo, """
                {"port": {"network_id": "%s"}}""".formatted(PRIVATE));
        Client.Response deleted = demo.delete("/network/v2.0/ports/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertNeutronError(demo.get("/network/v2.0/ports/" + id), 404, "PortNotFound",
                "Port " + id + " could not be found.");
        assertNeutronError(demo.delete("/network/v2.0/ports/" + id), 404, "PortNotFound",
                "Port " + id + " could not be found.");
        // the address went back to the pool
        String again = createPort(demo, """
                {"port": {"network_id": "%s"}}""".formatted(PRIVATE));
        assertThat(demo.get("/network/v2.0/ports/" + again).json().at("/port/fixed_ips/0/ip_address").asText())
                .isEqualTo("10.0.0.2");
    }

    @Test
    void deviceIdIsTheServerWhileBoundAndEmptyOnceTheDetachCompletes() {
        String server = bootActiveServer();
        JsonNode bootPorts = demo.get("/network/v2.0/ports?device_id=" + server).json().get("ports");
        assertThat(bootPorts).hasSize(1);
        assertThat(bootPorts.get(0).get("device_owner").asText()).isEqualTo("compute:nova");

        String port = createPort(demo, """
                {"port": {"name": "extra", "network_id": "%s"}}""".formatted(PRIVATE));
        Client.Response attached = demo.post("/v2.1/servers/" + server + "/os-interface", """
                {"interfaceAttachment": {"port_id": "%s"}}""".formatted(port));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        JsonNode bound = demo.get("/network/v2.0/ports/" + port).json().get("port");
        assertThat(bound.get("device_id").asText()).isEqualTo(server);
        assertThat(bound.get("device_owner").asText()).isEqualTo("compute:nova");
        assertThat(bound.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(bound.get("mac_address").asText()).isEqualTo(attached.json().at("/interfaceAttachment/mac_addr")
                .asText());
        assertThat(field(demo.get("/network/v2.0/ports?device_id=" + server).json().get("ports"), "id"))
                .contains(port).hasSize(2);

        assertThat(demo.delete("/v2.1/servers/" + server + "/os-interface/" + port).status()).isEqualTo(202);
        assertThat(demo.get("/network/v2.0/ports/" + port).json().at("/port/device_id").asText()).isEqualTo(server);
        sim.control().advance(Duration.ofSeconds(1));
        JsonNode unbound = demo.get("/network/v2.0/ports/" + port).json().get("port");
        assertThat(unbound.get("device_id").asText()).isEmpty();
        assertThat(unbound.get("device_owner").asText()).isEmpty();
        assertThat(unbound.get("status").asText()).isEqualTo("DOWN");
        assertThat(field(demo.get("/network/v2.0/ports?device_id=" + server).json().get("ports"), "id"))
                .doesNotContain(port).hasSize(1);
    }

    @Test
    void everyRequestIsJournaledUnderItsRequestId() {
        Client.Response listed = demo.get("/network/v2.0/ports?name=x");
        Client.Response missing = demo.get("/network/v2.0/ports/" + NO_SUCH);
        List<RecordedRequest> requests = sim.control().requests();
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.requestId()).isEqualTo(listed.header("x-openstack-request-id"));
            assertThat(r.path()).isEqualTo("/network/v2.0/ports");
            assertThat(r.query()).isEqualTo("name=x");
            assertThat(r.status()).isEqualTo(200);
        });
        assertThat(requests).anySatisfy(r -> {
            assertThat(r.requestId()).isEqualTo(missing.header("x-openstack-request-id"));
            assertThat(r.status()).isEqualTo(404);
        });
    }
}
