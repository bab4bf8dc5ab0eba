package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP layer of nova-semantics.md §1: microversions, content types, bodies, request ids, faults. */
@Timeout(30)
class ComputeHttpBehaviourTest extends SeededCloudTest {
    String server;

    ComputeHttpBehaviourTest() {
        super(3);
    }

    @BeforeEach
    void fresh() {
        server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
    }

    private static void fault(Client.Response response, int code, String name, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(code);
        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        JsonNode fault = response.json().get(name);
        assertThat(fault).as(response.toString()).isNotNull();
        assertThat(fault.get("code").asInt()).isEqualTo(code);
        assertThat(fault.get("message").asText()).isEqualTo(message);
    }

    @Test
    void noHeaderMeans21AndLatestMeans293() {
        Client.Response plain = demo.get("/v2.1/servers");
        assertThat(plain.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(plain.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.1");
        Client.Response latest = demo.microversion("latest").get("/v2.1/servers");
        assertThat(latest.header("OpenStack-API-Version")).isEqualTo("compute 2.93");
        Client.Response legacy = demo.withHeader("X-OpenStack-Nova-API-Version", "2.9").get("/v2.1/servers/" + server);
        assertThat(legacy.json().at("/server/locked").isBoolean()).isTrue();
        Client.Response both = demo.withHeader("X-OpenStack-Nova-API-Version", "2.9").microversion("2.5")
                .get("/v2.1/servers/" + server);
        assertThat(both.header("OpenStack-API-Version")).isEqualTo("compute 2.5");
        assertThat(both.json().at("/server/locked").isMissingNode()).isTrue();
        assertThat(demo.withHeader("OpenStack-API-Version", "volume 3.0").get("/v2.1/servers")
                .header("OpenStack-API-Version")).isEqualTo("compute 2.1");
    }

    @Test
    void badVersionsAre400Or406() {
        Client.Response malformed = demo.microversion("2").get("/v2.1/servers");
        fault(malformed, 400, "badRequest",
                "API Version String 2 is of invalid format. Must be of format MajorNum.MinorNum.");
        assertThat(malformed.header("OpenStack-API-Version")).isNull();
        Client.Response tooNew = demo.microversion("3.0").get("/v2.1/servers");
        fault(tooNew, 406, "computeFault",
                "Version 3.0 is not supported by the API. Minimum is 2.1 and maximum is 2.93.");
        assertThat(tooNew.header("OpenStack-API-Version")).isEqualTo("compute 3.0");
        fault(demo.microversion("2.94").get("/v2.1/servers"), 406, "computeFault",
                "Version 2.94 is not supported by the API. Minimum is 2.1 and maximum is 2.93.");
    }

    @Test
    void unsupportedContentTypeIs415() {
        fault(demo.withHeader("Content-Type", "application/xml").post("/v2.1/servers/" + server + "/action",
                "<pause/>"), 415, "badMediaType", "Unsupported Content-Type");
    }

    @Test
    void malformedBodiesAndUnknownActionsAre400() {
        fault(demo.post("/v2.1/servers/" + server + "/action", "{not json"), 400, "badRequest",
                "Malformed request body");
        fault(demo.post("/v2.1/servers/" + server + "/action", "{\"pause\": null, \"unpause\": null}"), 400,
                "badRequest", "Malformed request body");
        fault(demo.post("/v2.1/servers/" + server + "/action", "{\"fooBar\": null}"), 400, "badRequest",
                "There is no such action: fooBar");
    }

    @Test
    void schemaErrorsUseNovasWording() {
        String path = "/v2.1/servers/" + server + "/os-interface";
        fault(demo.send("POST", path, null), 400, "badRequest", "None is not of type 'object'");
        fault(demo.post(path, "{\"interfaceAttachment\": {\"port_id\": \"nope\"}}"), 400, "badRequest",
                "Invalid input for field/attribute port_id. Value: nope. 'nope' is not a 'uuid'");
        fault(demo.post(path, "{\"interfaceAttachment\": {\"foo\": 1}}"), 400, "badRequest",
                "Invalid input for field/attribute interfaceAttachment. Value: {'foo': 1}. Additional properties "
                        + "are not allowed ('foo' was unexpected)");
    }

    @Test
    void aBodyTooLargeIs413() {
        String huge = "{\"server\": {\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        Client.Response response = demo.put("/v2.1/servers/" + server, huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().at("/overLimit/code").asInt()).isEqualTo(413);
    }

    @Test
    void theRequestIdOfAnActionIsItsInstanceActionsKey() {
        Client.Response paused = demo.post("/v2.1/servers/" + server + "/action", "{\"pause\": null}");
        assertThat(paused.status()).isEqualTo(202);
        assertThat(paused.header("Content-Type")).startsWith("application/json");
        String requestId = paused.header("x-openstack-request-id");
        JsonNode action = demo.get("/v2.1/servers/" + server + "/os-instance-actions/" + requestId).json();
        assertThat(action.at("/instanceAction/action").asText()).isEqualTo("pause");
        assertThat(demo.get("/v2.1/servers").header("x-openstack-request-id")).isNotEqualTo(requestId);
    }

    @Test
    void versionDiscoveryNeedsNoToken() {
        Client anonymous = Client.anonymous(sim);
        JsonNode root = anonymous.get("/").json();
        assertThat(root.at("/versions/1/id").asText()).isEqualTo("v2.1");
        JsonNode current = anonymous.get("/v2.1/").json();
        assertThat(current.at("/version/version").asText()).isEqualTo("2.93");
        assertThat(current.at("/version/min_version").asText()).isEqualTo("2.1");
        assertThat(anonymous.get("/v2.1").status()).isEqualTo(302);
        assertThat(anonymous.get("/v2.1/6f70656e737461636b20342065766572").json().at("/version/id").asText())
                .isEqualTo("v2.1");
    }

    @Test
    void theVersionDocumentAndAnUnroutedRequestCarryRequestIds() {
        Client anonymous = Client.anonymous(sim);
        for (Client.Response answer : java.util.List.of(anonymous.get("/v2.1/"), anonymous.get("/v2.1"),
                demo.send("PUT", "/v2.1/servers/" + server + "/os-interface/" + server, "{}"))) {
            String id = answer.header("x-openstack-request-id");
            assertThat(id).as(answer.toString()).matches("req-[0-9a-f-]{36}");
            assertThat(answer.header("x-compute-request-id")).isEqualTo(id);
        }
        assertThat(anonymous.get("/").header("x-openstack-request-id")).as("the root's pipeline has none").isNull();
    }

    @Test
    void anUnroutedRequestIsChecked401ThenAnswered404WithoutVersionHeaders() {
        String wrongMethod = "/v2.1/servers/" + server + "/os-interface/" + server;
        Client.Response routedNowhere = demo.send("PUT", wrongMethod, "{}");
        assertThat(routedNowhere.status()).isEqualTo(404);
        assertThat(routedNowhere.json().get("message").asText()).isEqualTo("The resource could not be found.<br /><br />\n\n\n");
        assertThat(routedNowhere.header("OpenStack-API-Version")).as("no controller answered").isNull();
        assertThat(Client.anonymous(sim).send("PUT", wrongMethod, "{}").status())
                .as("authtoken comes before the router").isEqualTo(401);
        assertThat(sim.control().requests()).anySatisfy(request -> {
            assertThat(request.method()).isEqualTo("PUT");
            assertThat(request.status()).isEqualTo(404);
        });
    }

    @Test
    void aTextPlainBodyIsReadAsJsonAndABlankOneIsMalformed() {
        Client.Response created = demo.withHeader("Content-Type", "text/plain").post("/v2.1/servers", """
                {"server": {"name": "plain", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        fault(demo.post("/v2.1/servers/" + server + "/action", "  "), 400, "badRequest", "Malformed request body");
    }

    @Test
    void belowTwoNineteenAServerIsDescribedByItsName() {
        assertThat(demo.microversion("2.19").get("/v2.1/servers/" + server).json().at("/server/description").asText())
                .isEqualTo("web");
        String described = demo.microversion("2.19").post("/v2.1/servers", """
                {"server": {"name": "db", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        assertThat(demo.microversion("2.19").get("/v2.1/servers/" + described).json().at("/server/description")
                .isNull()).as("from 2.19 an absent description is null").isTrue();
        demo.put("/v2.1/servers/" + server, "{\"server\": {\"name\": \"renamed\"}}");
        assertThat(demo.microversion("2.19").get("/v2.1/servers/" + server).json().at("/server/description").asText())
                .as("a rename keeps the description the old name gave").isEqualTo("web");
    }

    @Test
    void aShelvedOffloadedServerKeepsItsZone() {
        demo.post("/v2.1/servers/" + server + "/action", "{\"shelve\": null}");
        sim.control().advance(Duration.ofMinutes(5));
        JsonNode shown = demo.get("/v2.1/servers/" + server).json().get("server");
        assertThat(shown.get("status").asText()).isEqualTo("SHELVED_OFFLOADED");
        assertThat(shown.get("OS-EXT-AZ:availability_zone").asText()).isEqualTo("nova");
    }

    @Test
    void changePasswordIsGatedAndRecordedAsNovaDoesIt() {
        String action = "/v2.1/servers/" + server + "/action";
        Client.Response changed = demo.post(action, "{\"changePassword\": {\"adminPass\": \"s3cret\"}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(202);
        String requestId = changed.header("x-openstack-request-id");
        JsonNode shown = demo.get("/v2.1/servers/" + server).json().get("server");
        assertThat(shown.get("status").asText()).as("an RPC call: done when Nova answers").isEqualTo("ACTIVE");
        JsonNode recorded = demo.microversion("2.51").get("/v2.1/servers/" + server + "/os-instance-actions/"
                + requestId).json().get("instanceAction");
        assertThat(recorded.get("action").asText()).isEqualTo("changePassword");
        assertThat(recorded.at("/events/0/event").asText()).isEqualTo("compute_set_admin_password");
        fault(demo.post(action, "{\"changePassword\": {}}"), 400, "badRequest",
                "Invalid input for field/attribute changePassword. Value: {}. 'adminPass' is a required property");
        demo.post(action, "{\"os-stop\": null}");
        sim.control().advance(Duration.ofSeconds(30));
        fault(demo.post(action, "{\"changePassword\": {\"adminPass\": \"x\"}}"), 409, "conflictingRequest",
                "Cannot 'changePassword' instance " + server + " while it is in vm_state stopped");
    }

    @Test
    void consoleOutputIsTheFakeDriversCutAsNovaCutsIt() {
        String action = "/v2.1/servers/" + server + "/action";
        assertThat(demo.post(action, "{\"os-getConsoleOutput\": {}}").json().get("output").asText())
                .isEqualTo("FAKE CONSOLE OUTPUT\nANOTHER\nLAST LINE");
        assertThat(demo.post(action, "{\"os-getConsoleOutput\": {\"length\": 1}}").json().get("output").asText())
                .isEqualTo("LAST LINE");
        assertThat(demo.post(action, "{\"os-getConsoleOutput\": {\"length\": \"2\"}}").json().get("output")
                .asText()).isEqualTo("ANOTHER\nLAST LINE");
        assertThat(demo.post(action, "{\"os-getConsoleOutput\": {\"length\": -1}}").json().get("output")
                .asText()).as("Python's [1:]: Nova's 'unlimited' drops the first line").isEqualTo("ANOTHER\nLAST LINE");
        assertThat(demo.post(action, "{\"os-getConsoleOutput\": {\"length\": 0}}").json().get("output")
                .asText()).isEmpty();
        fault(demo.post(action, "{\"os-getConsoleOutput\": {\"length\": -2}}"), 400, "badRequest",
                "Invalid input for field/attribute length. Value: -2. -2 is less than the minimum of -1");
        fault(demo.post(action, "{\"os-getConsoleOutput\": {\"length\": \"-2\"}}"), 400, "badRequest",
                "Invalid input for field/attribute length. Value: -2. -2 is less than the minimum of -1");
        fault(demo.post(action, "{\"os-getConsoleOutput\": {\"length\": \"x\"}}"), 400, "badRequest",
                "Invalid input for field/attribute length. Value: x. 'x' does not match '^-?[0-9]+$'");
        demo.post(action, "{\"shelve\": null}");
        sim.control().advance(Duration.ofMinutes(5));
        fault(demo.post(action, "{\"os-getConsoleOutput\": {}}"), 409, "conflictingRequest",
                "Instance " + server + " is not ready");
        JsonNode offloaded = Client.as(sim, "admin", "admin").get("/v2.1/servers/" + server).json().get("server");
        assertThat(offloaded.get("OS-EXT-SRV-ATTR:host").isNull()).as("offloaded: on no host").isTrue();
        assertThat(offloaded.get("hostId").asText()).isEmpty();
    }

    @Test
    void resetNetworkIsGoneAsInNova() {
        fault(demo.post("/v2.1/servers/" + server + "/action", "{\"resetNetwork\": null}"), 410, "computeFault",
                "This resource is no longer available. No forwarding address is given.");
    }

    @Test
    void aCrashDumpFrom217IsRecordedAndGatedAsNovaGatesIt() {
        String action = "/v2.1/servers/" + server + "/action";
        fault(demo.post(action, "{\"trigger_crash_dump\": null}"), 404, "itemNotFound",
                "The resource could not be found.");
        Client at217 = demo.microversion("2.17");
        Client.Response dumped = at217.post(action, "{\"trigger_crash_dump\": null}");
        assertThat(dumped.status()).as(dumped.toString()).isEqualTo(202);
        JsonNode recorded = demo.microversion("2.51").get("/v2.1/servers/" + server + "/os-instance-actions/"
                + dumped.header("x-openstack-request-id")).json().get("instanceAction");
        assertThat(recorded.get("action").asText()).isEqualTo("trigger_crash_dump");
        assertThat(recorded.at("/events/0/event").asText()).isEqualTo("compute_trigger_crash_dump");
        assertThat(demo.get("/v2.1/servers/" + server).json().at("/server/status").asText()).isEqualTo("ACTIVE");
        fault(at217.post(action, "{\"trigger_crash_dump\": {}}"), 400, "badRequest",
                "Invalid input for field/attribute trigger_crash_dump. Value: {}. {} is not of type 'null'");
        demo.post(action, "{\"os-stop\": null}");
        sim.control().advance(Duration.ofSeconds(30));
        fault(at217.post(action, "{\"trigger_crash_dump\": null}"), 409, "conflictingRequest",
                "Cannot 'trigger_crash_dump' instance " + server + " while it is in vm_state stopped");
        demo.post(action, "{\"shelve\": null}");
        sim.control().advance(Duration.ofMinutes(5));
        fault(at217.post(action, "{\"trigger_crash_dump\": null}"), 409, "conflictingRequest",
                "Instance " + server + " is not ready");
        fault(demo.post(action, "{\"os-start\": null}"), 409, "conflictingRequest",
                "Instance " + server + " is not ready");
    }
}
