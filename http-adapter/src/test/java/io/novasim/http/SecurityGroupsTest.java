package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** Neutron's security groups: each project's default group, groups and rules added and removed. */
@Timeout(30)
class SecurityGroupsTest extends SeededCloudTest {
    SecurityGroupsTest() {
        super(95);
    }

    private static void neutronError(Client.Response response, int code, String type, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.json().at("/NeutronError/type").asText()).isEqualTo(type);
        assertThat(response.json().at("/NeutronError/message").asText()).isEqualTo(message);
    }

    @Test
    void eachProjectHasItsDefaultGroupAndMayAddGroupsAndRules() {
        JsonNode groups = demo.get("/network/v2.0/security-groups").json().get("security_groups");
        assertThat(groups).hasSize(1);
        JsonNode defaults = groups.get(0);
        assertThat(defaults.get("name").asText()).isEqualTo("default");
        assertThat(defaults.get("security_group_rules")).hasSize(4);
        String defaultId = defaults.get("id").asText();
        neutronError(demo.delete("/network/v2.0/security-groups/" + defaultId), 409,
                "SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group.");

        Client.Response created = demo.post("/network/v2.0/security-groups",
                "{\"security_group\": {\"name\": \"web\", \"description\": \"http\"}}");
        assertThat(created.status()).isEqualTo(201);
        String web = created.json().at("/security_group/id").asText();
        assertThat(created.json().at("/security_group/security_group_rules")).as("Neutron's two egress rules")
                .hasSize(2);
        String rule = """
                {"security_group_rule": {"security_group_id": "%s", "direction": "ingress", "protocol": "tcp",
                 "port_range_min": 80, "port_range_max": 80, "remote_ip_prefix": "0.0.0.0/0"}}""".formatted(web);
        Client.Response added = demo.post("/network/v2.0/security-group-rules", rule);
        assertThat(added.status()).isEqualTo(201);
        String ruleId = added.json().at("/security_group_rule/id").asText();
        neutronError(demo.post("/network/v2.0/security-group-rules", rule), 409, "SecurityGroupRuleExists",
                "Security group rule already exists. Rule id is " + ruleId + ".");
        neutronError(demo.post("/network/v2.0/security-group-rules", """
                {"security_group_rule": {"security_group_id": "%s", "direction": "sideways"}}""".formatted(web)),
                400, "HTTPBadRequest", "Invalid input for direction. Reason: 'sideways' is not in "
                        + "['ingress', 'egress'].");
        neutronError(demo.post("/network/v2.0/security-group-rules", """
                {"security_group_rule": {"security_group_id": "%s", "direction": "ingress", "port_range_min": 22}}"""
                .formatted(web)), 400, "SecurityGroupProtocolRequiredWithPorts",
                "Must also specify protocol if port range is given.");
        assertThat(demo.get("/network/v2.0/security-group-rules?security_group_id=" + web).json()
                .get("security_group_rules")).hasSize(3);
        assertThat(demo.delete("/network/v2.0/security-group-rules/" + ruleId).status()).isEqualTo(204);
        assertThat(demo.delete("/network/v2.0/security-groups/" + web).status()).isEqualTo(204);
        neutronError(Client.as(sim, "alt", "alt").get("/network/v2.0/security-groups/" + defaultId), 404,
                "SecurityGroupNotFound", "Security group " + defaultId + " does not exist");
    }
}
