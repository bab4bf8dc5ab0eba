package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Networks and subnets created and deleted through Neutron's API, then used by a boot. */
@Timeout(30)
class NeutronNetworksTest extends SeededCloudTest {
    NeutronNetworksTest() {
        super(61);
    }

    private static void neutronError(Client.Response response, int code, String type, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/NeutronError/type").asText()).isEqualTo(type);
        assertThat(response.json().at("/NeutronError/message").asText()).isEqualTo(message);
    }

    @Test
    void aNetworkAndSubnetAreMadeUsedByABootAndDeletedInOrder() {
        Client.Response created = demo.post("/network/v2.0/networks",
                "{\"network\": {\"name\": \"app-net\", \"admin_state_up\": true}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode network = created.json().get("network");
        String networkId = network.get("id").asText();
        assertThat(network.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(network.get("mtu").asInt()).isEqualTo(1450);
        assertThat(network.get("subnets")).isEmpty();

        Client.Response subnetCreated = demo.post("/network/v2.0/subnets", """
                {"subnet": {"name": "app-sub", "network_id": "%s", "ip_version": 4, "cidr": "10.9.0.0/24"}}"""
                .formatted(networkId));
        assertThat(subnetCreated.status()).isEqualTo(201);
        JsonNode subnet = subnetCreated.json().get("subnet");
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("10.9.0.1");
        assertThat(subnet.at("/allocation_pools/0/start").asText()).isEqualTo("10.9.0.2");
        assertThat(demo.get("/network/v2.0/networks/" + networkId).json().at("/network/subnets/0").asText())
                .isEqualTo(subnet.get("id").asText());
        neutronError(demo.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "ip_version": 4, "cidr": "10.9.0.128/25"}}""".formatted(networkId)),
                400, "InvalidInput", "Invalid input for operation: Requested subnet with cidr: 10.9.0.128/25 for "
                        + "network: " + networkId + " overlaps with another subnet.");

        String server = demo.post("/v2.1/servers", """
                {"server": {"name": "app", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1",
                 "networks": [{"uuid": "%s"}]}}""".formatted(networkId)).json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
        assertThat(demo.get("/v2.1/servers/" + server).json().at("/server/addresses/app-net/0/addr").asText())
                .isEqualTo("10.9.0.2");

        neutronError(demo.delete("/network/v2.0/subnets/" + subnet.get("id").asText()), 409, "SubnetInUse",
                "Unable to complete operation on subnet " + subnet.get("id").asText() + ": One or more ports have "
                        + "an IP allocation from this subnet.");
        neutronError(demo.delete("/network/v2.0/networks/" + networkId), 409, "NetworkInUse",
                "Unable to complete operation on network " + networkId + ". There are one or more ports still in "
                        + "use on the network.");
        demo.delete("/v2.1/servers/" + server);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(demo.delete("/network/v2.0/networks/" + networkId).status()).isEqualTo(204);
        assertThat(demo.get("/network/v2.0/networks/" + networkId).status()).isEqualTo(404);
        assertThat(demo.get("/network/v2.0/subnets/" + subnet.get("id").asText()).status())
                .as("gone with its network").isEqualTo(404);
    }

    @Test
    void aPortIsRenamedWithPutAndWhatElseAnUpdateMayChangeIsNotSimulated() {
        JsonNode networks = demo.get("/network/v2.0/networks?name=private").json().get("networks");
        String port = demo.post("/network/v2.0/ports", "{\"port\": {\"network_id\": \""
                + networks.get(0).get("id").asText() + "\", \"name\": \"a\"}}").json().at("/port/id").asText();
        Client.Response renamed = demo.put("/network/v2.0/ports/" + port, "{\"port\": {\"name\": \"b\"}}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().at("/port/name").asText()).isEqualTo("b");
        assertThat(demo.get("/network/v2.0/ports/" + port).json().at("/port/name").asText()).isEqualTo("b");
        neutronError(demo.put("/network/v2.0/ports/" + port, "{\"port\": {\"fixed_ips\": []}}"), 501,
                "HTTPNotImplemented", "novasim does not simulate updating fixed_ips of a port");
        neutronError(demo.put("/network/v2.0/ports/" + port, "{\"port\": {\"colour\": \"red\"}}"), 400,
                "HTTPBadRequest", "Unrecognized attribute(s) 'colour'");
        neutronError(demo.put("/network/v2.0/ports/nope", "{\"port\": {\"name\": \"c\"}}"), 404, "PortNotFound",
                "Port nope could not be found.");
    }

    @Test
    void whatNeutronRefusesAndWhatNovasimDoesNotSimulate() {
        neutronError(demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"x\", \"shared\": true}}"), 403,
                "PolicyNotAuthorized", "(rule:create_network and rule:create_network:shared) is disallowed by policy");
        neutronError(demo.post("/network/v2.0/networks", "{\"network\": {\"color\": \"red\"}}"), 400,
                "HTTPBadRequest", "Unrecognized attribute(s) 'color'");
        String networkId = demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"n\"}}").json()
                .at("/network/id").asText();
        neutronError(demo.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "ip_version": 4, "cidr": "nonsense"}}""".formatted(networkId)),
                400, "HTTPBadRequest", "Invalid input for cidr. Reason: 'nonsense' is not a valid IP subnet.");
        neutronError(demo.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "cidr": "10.1.0.0/24"}}""".formatted(networkId)),
                400, "HTTPBadRequest", "Failed to parse request. Required attribute 'ip_version' not specified");
        neutronError(demo.post("/network/v2.0/subnets", """
                {"subnet": {"network_id": "%s", "ip_version": 6, "cidr": "fd00::/64"}}""".formatted(networkId)),
                501, "HTTPNotImplemented", "novasim does not simulate IPv6 subnets");
        neutronError(Client.as(sim, "alt", "alt").delete("/network/v2.0/networks/" + networkId), 404,
                "NetworkNotFound", "Network " + networkId + " could not be found.");
    }
}
