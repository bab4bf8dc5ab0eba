package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.CloudSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code os-quota-sets} and {@code limits} over HTTP, as Nova's quota_sets and limits controllers answer them: the
 * resources each microversion shows, the admin-only updates with their schema and their 400s, and the 403 a create
 * over the quota gets.
 */
@Timeout(30)
class QuotasApiTest extends SeededCloudTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private Client admin;

    QuotasApiTest() {
        super(5);
    }

    @BeforeEach
    void logInTheAdmin() {
        admin = Client.as(sim, "admin", "admin");
    }

    private Client.Response boot(String name) {
        return demo.post("/v2.1/servers", """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1"}}""".formatted(name, IMAGE));
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void aProjectsQuotaSetShowsNovasResourcesAsEachMicroversionDoes() {
        JsonNode old = demo.get("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT).json().get("quota_set");
        assertThat(keys(old)).containsExactly("id", "instances", "cores", "ram", "metadata_items", "injected_files",
                "injected_file_content_bytes", "injected_file_path_bytes", "key_pairs", "server_groups",
                "server_group_members", "fixed_ips", "floating_ips", "security_groups", "security_group_rules");
        assertThat(old.get("ram").asInt()).isEqualTo(51200);
        assertThat(old.get("fixed_ips").asInt()).isEqualTo(-1);
        JsonNode current = demo.microversion("2.57").get("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT).json()
                .get("quota_set");
        assertThat(keys(current)).containsExactly("id", "instances", "cores", "ram", "metadata_items", "key_pairs",
                "server_groups", "server_group_members");

        boot("web");
        JsonNode detail = demo.microversion("2.57").get("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT + "/detail")
                .json().get("quota_set");
        assertThat(detail.get("instances").toString()).isEqualTo("{\"in_use\":1,\"limit\":10,\"reserved\":0}");
        assertThat(detail.get("ram").get("in_use").asInt()).isEqualTo(512);

        Client.Response other = demo.get("/v2.1/os-quota-sets/" + CloudSetup.ALT_PROJECT);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().at("/forbidden/message").asText())
                .isEqualTo("Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        assertThat(demo.get("/v2.1/os-quota-sets/" + CloudSetup.ALT_PROJECT + "/defaults").status())
                .as("anyone may read the defaults").isEqualTo(200);
        Client.Response unknown = admin.get("/v2.1/os-quota-sets/nope");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/badRequest/message").asText()).isEqualTo("Project ID nope is not a valid project.");
    }

    @Test
    void anAdminSetsLimitsAndACreateOverThemIsRefusedWithNovasText() {
        Client.Response set = admin.microversion("2.57").put("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT,
                "{\"quota_set\": {\"instances\": \"1\", \"cores\": 4}}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("quota_set").has("id")).as("Nova's update answers without the id").isFalse();
        assertThat(set.json().at("/quota_set/instances").asInt()).isEqualTo(1);

        assertThat(boot("first").status()).isEqualTo(202);
        Client.Response refused = boot("second");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/forbidden/message").asText())
                .isEqualTo("Quota exceeded for instances: Requested 1, but already used 1 of 1 instances");

        Client.Response below = admin.put("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT,
                "{\"quota_set\": {\"instances\": 0}}");
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.json().at("/badRequest/message").asText())
                .isEqualTo("Quota limit 0 for instances must be greater than or equal to already used and reserved 1.");
        assertThat(admin.put("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT,
                "{\"quota_set\": {\"instances\": 0, \"force\": true}}").status()).isEqualTo(200);

        assertThat(demo.put("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT, "{\"quota_set\": {\"instances\": 5}}")
                .json().at("/forbidden/message").asText())
                .isEqualTo("Policy doesn't allow os_compute_api:os-quota-sets:update to be performed.");
        assertThat(admin.delete("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT).status()).isEqualTo(202);
        assertThat(demo.get("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT).json().at("/quota_set/instances")
                .asInt()).isEqualTo(10);
    }

    @Test
    void anUpdateIsCheckedAgainstNovasSchemaOfItsMicroversion() {
        String path = "/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT;
        assertThat(admin.put(path, "{\"quota_set\": {\"instances\": \"ten\"}}").json().at("/badRequest/message")
                .asText()).isEqualTo("Invalid input for field/attribute instances. Value: ten. 'ten' does not match "
                + "'^-?[0-9]+$'");
        assertThat(admin.put(path, "{\"quota_set\": {\"cores\": -2}}").json().at("/badRequest/message").asText())
                .isEqualTo("Invalid input for field/attribute cores. Value: -2. -2 is less than the minimum of -1");
        assertThat(admin.put(path, "{\"quota_set\": {\"ram\": 2147483648}}").json().at("/badRequest/message")
                .asText()).isEqualTo("Invalid input for field/attribute ram. Value: 2147483648. 2147483648 is greater "
                + "than the maximum of 2147483647");
        assertThat(admin.put(path, "{\"quota_set\": {\"networks\": 1}}").json().at("/badRequest/message").asText())
                .isEqualTo("The networks quota has been removed");
        assertThat(admin.microversion("2.36").put(path, "{\"quota_set\": {\"floating_ips\": 1}}").json()
                .at("/badRequest/message").asText()).isEqualTo("Invalid input for field/attribute quota_set. Value: "
                + "{'floating_ips': 1}. Additional properties are not allowed ('floating_ips' was unexpected)");
        assertThat(admin.microversion("2.75").get(path + "?foo=1").status()).isEqualTo(400);
        assertThat(admin.get(path + "?foo=1").status()).as("ignored before 2.75").isEqualTo(200);
        Client.Response perUser = admin.get(path + "?user_id=d3b07384d113edec49eaa6238ad5ff00");
        assertThat(perUser.status()).isEqualTo(501);
        assertThat(perUser.json().at("/notImplemented/message").asText())
                .isEqualTo("novasim does not simulate the query parameter user_id (per-user quotas)");
    }

    @Test
    void limitsShowTheAbsoluteLimitsAndUsageByNovasDisplayNames() {
        boot("web");
        JsonNode absolute = demo.get("/v2.1/limits").json().at("/limits/absolute");
        assertThat(absolute.get("maxTotalInstances").asInt()).isEqualTo(10);
        assertThat(absolute.get("totalInstancesUsed").asInt()).isEqualTo(1);
        assertThat(absolute.get("totalRAMUsed").asInt()).isEqualTo(512);
        assertThat(absolute.get("maxImageMeta").asInt()).isEqualTo(128);
        assertThat(absolute.has("maxTotalFloatingIps")).isTrue();
        assertThat(demo.get("/v2.1/limits").json().at("/limits/rate").isArray()).isTrue();

        JsonNode current = demo.microversion("2.57").get("/v2.1/limits").json().at("/limits/absolute");
        assertThat(keys(current)).containsExactlyInAnyOrder("maxTotalRAMSize", "maxTotalInstances", "maxTotalCores",
                "maxTotalKeypairs", "maxServerMeta", "maxServerGroups", "maxServerGroupMembers", "totalRAMUsed",
                "totalCoresUsed", "totalInstancesUsed", "totalServerGroupsUsed");

        Client.Response other = demo.get("/v2.1/limits?tenant_id=" + CloudSetup.DEMO_PROJECT);
        assertThat(other.status()).as("a tenant_id needs an admin, even one's own").isEqualTo(403);
        assertThat(admin.get("/v2.1/limits?tenant_id=" + CloudSetup.DEMO_PROJECT).json()
                .at("/limits/absolute/totalInstancesUsed").asInt()).isEqualTo(1);
    }

    @Test
    void aMultiCreateMakesAsManyAsTheQuotaHolds() {
        admin.put("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT, "{\"quota_set\": {\"instances\": 2}}");
        Client.Response made = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "min_count": 1, "max_count": 5,
                            "return_reservation_id": true}}""".formatted(IMAGE));
        assertThat(made.status()).isEqualTo(202);
        assertThat(demo.get("/v2.1/servers").json().get("servers")).hasSize(2);
        Client.Response refused = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "%s", "flavorRef": "1", "min_count": 2, "max_count": 3}}"""
                .formatted(IMAGE));
        assertThat(refused.json().at("/forbidden/message").asText())
                .isEqualTo("Quota exceeded for instances: Requested 2-3, but already used 2 of 2 instances");
    }

    @Test
    void neutronsQuotasAreShownSetAndEnforcedAsNeutronDoes() {
        String path = "/network/v2.0/quotas/" + CloudSetup.DEMO_PROJECT;
        JsonNode quota = demo.get(path).json().get("quota");
        assertThat(keys(quota)).containsExactly("network", "subnet", "subnetpool", "port", "router", "floatingip",
                "rbac_policy", "security_group", "security_group_rule");
        assertThat(quota.get("port").asInt()).isEqualTo(500);
        JsonNode details = demo.get(path + "/details").json().get("quota");
        assertThat(details.get("security_group").toString()).isEqualTo("{\"used\":1,\"limit\":10,\"reserved\":0}");
        Client.Response other = demo.get("/network/v2.0/quotas/" + CloudSetup.ALT_PROJECT);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().at("/NeutronError/message").asText()).isEqualTo("rule:get_quota is disallowed by policy");

        Client.Response set = admin.put(path, "{\"quota\": {\"network\": \"1\"}}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().at("/quota/network").asInt()).isEqualTo(1);
        assertThat(admin.put(path, "{\"quota\": {\"port\": \"many\"}}").json().at("/NeutronError/message").asText())
                .isEqualTo("Invalid input for operation: 'many' is not an integer.");
        assertThat(admin.put(path, "{\"quota\": {\"volumes\": 1}}").json().at("/NeutronError/message").asText())
                .isEqualTo("Unrecognized attribute(s) 'volumes'");
        assertThat(admin.put(path, "{\"quota\": {\"port\": -5}}").json().at("/NeutronError/message").asText())
                .isEqualTo("Invalid input for port. Reason: '-5' is too small - must be at least '-1'.");
        assertThat(demo.put(path, "{\"quota\": {\"port\": 5}}").json().at("/NeutronError/message").asText())
                .isEqualTo("rule:update_quota is disallowed by policy");
        assertThat(demo.delete(path).json().at("/NeutronError/message").asText())
                .isEqualTo("rule:delete_quota is disallowed by policy");
        Client.Response over = demo.post("/network/v2.0/networks", "{\"network\": {\"name\": \"second\"}}");
        assertThat(over.status()).as("the demo project has its private network").isEqualTo(409);
        assertThat(over.json().get("NeutronError").toString()).isEqualTo("{\"type\":\"OverQuota\",\"message\":"
                + "\"Quota exceeded for resources: ['network'].\",\"detail\":\"\"}");
        assertThat(admin.get("/network/v2.0/quotas").json().at("/quotas/0/project_id").asText())
                .isEqualTo(CloudSetup.DEMO_PROJECT);
        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.delete(path).status()).isEqualTo(404);
    }

    @Test
    void cindersQuotasAreShownWithUsageAndAVolumeOverThemIsRefusedWith413() {
        String path = "/volume/v3/" + CloudSetup.DEMO_PROJECT + "/os-quota-sets/" + CloudSetup.DEMO_PROJECT;
        JsonNode quotaSet = demo.get(path).json().get("quota_set");
        assertThat(keys(quotaSet)).containsExactly("volumes", "per_volume_gigabytes", "snapshots", "gigabytes",
                "backups", "backup_gigabytes", "volumes___DEFAULT__", "gigabytes___DEFAULT__",
                "snapshots___DEFAULT__", "groups", "id");
        JsonNode used = demo.get(path + "?usage=True").json().at("/quota_set/volumes");
        assertThat(used.toString()).as("the demo world's two volumes")
                .isEqualTo("{\"limit\":10,\"in_use\":2,\"reserved\":0}");
        assertThat(demo.get(path + "?usage=maybe").json().at("/badRequest/message").asText())
                .isEqualTo("Value 'maybe' for 'usage' is not a boolean.");

        String adminPath = "/volume/v3/" + CloudSetup.ADMIN_PROJECT + "/os-quota-sets/" + CloudSetup.DEMO_PROJECT;
        assertThat(admin.put(adminPath, "{\"quota_set\": {\"colour\": 1}}").json().at("/badRequest/message")
                .asText()).isEqualTo("Invalid input received: Bad key(s) in quota set: colour");
        assertThat(admin.put(adminPath, "{\"quota_set\": {\"volumes\": -3}}").json().at("/badRequest/message")
                .asText()).isEqualTo("volumes must be >= -1");
        assertThat(admin.put(adminPath, "{\"quota_set\": {\"volumes\": \"ten\"}}").json()
                .at("/badRequest/message").asText()).isEqualTo("volumes must be an integer");
        assertThat(admin.put(adminPath, "{\"quota_set\": {\"gigabytes\": 2147483648}}").json()
                .at("/badRequest/message").asText()).isEqualTo("gigabytes must be <= 2147483647");
        assertThat(demo.put(path, "{\"quota_set\": {\"volumes\": 20}}").json().at("/forbidden/message").asText())
                .isEqualTo("Policy doesn't allow volume_extension:quotas:update to be performed.");
        Client.Response set = admin.put(adminPath, "{\"quota_set\": {\"volumes\": 2}}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("quota_set").has("id")).isFalse();

        Client.Response over = demo.post("/volume/v3/" + CloudSetup.DEMO_PROJECT + "/volumes",
                "{\"volume\": {\"size\": 1}}");
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.header("Retry-After")).isEqualTo("0");
        assertThat(over.json().get("overLimit").toString()).isEqualTo("{\"code\":413,\"message\":"
                + "\"VolumeLimitExceeded: Maximum number of volumes allowed (2) exceeded for quota 'volumes'.\","
                + "\"retryAfter\":\"0\"}");
        JsonNode limits = demo.get("/volume/v3/" + CloudSetup.DEMO_PROJECT + "/limits").json().at("/limits/absolute");
        assertThat(limits.get("maxTotalVolumes").asInt()).isEqualTo(2);
        assertThat(limits.get("totalVolumesUsed").asInt()).isEqualTo(2);
        assertThat(admin.delete(adminPath).status()).isEqualTo(200);
        assertThat(demo.get(path).json().at("/quota_set/volumes").asInt()).isEqualTo(10);
    }

    @Test
    void anInterfaceNovaWouldMakeAPortForIsRefusedOverThePortQuota() {
        String server = boot("web").json().at("/server/id").asText();
        sim.control().advance(java.time.Duration.ofSeconds(10));
        admin.put("/network/v2.0/quotas/" + CloudSetup.DEMO_PROJECT, "{\"quota\": {\"port\": 1}}");
        Client.Response attach = demo.post("/v2.1/servers/" + server + "/os-interface",
                "{\"interfaceAttachment\": {\"net_id\": \"3cb9bc59-5699-4588-a4b1-b87f96708bc6\"}}");
        assertThat(attach.status()).isEqualTo(403);
        assertThat(attach.json().at("/forbidden/message").asText()).isEqualTo("Maximum number of ports exceeded");
    }
}
