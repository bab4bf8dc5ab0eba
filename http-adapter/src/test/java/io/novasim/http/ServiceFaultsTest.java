package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.ApiRequest;
import io.novasim.CloudSetup;
import io.novasim.TransportFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keystone, Neutron, Cinder and Glance under fault rules: a service that is down (its load balancer answers its own
 * API, and Nova fails the calls that need it as Nova does), and rules on their operations as on Nova's.
 */
@Timeout(30)
class ServiceFaultsTest extends SeededCloudTest {
    private static final String IMAGE = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String VOLUMES = "/volume/v3/6f70656e737461636b20342065766572/volumes";
    private static final String HAPROXY_503 = "<html><body><h1>503 Service Unavailable</h1>\n"
            + "No server is available to handle this request.\n</body></html>\n";

    Client admin;

    ServiceFaultsTest() {
        super(17);
    }

    @BeforeEach
    void operator() {
        admin = Client.as(sim, "admin", "admin");
    }

    /** Nova's 500 for an exception its API did not expect: the message names only the exception's class. */
    private static String novaUnexpected(String exception) {
        return "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API "
                + "log if possible.\n<class '" + exception + "'>";
    }

    private String activeServer(String name) {
        String id = demo.post("/v2.1/servers", """
                {"server": {"name": "%s", "imageRef": "%s", "flavorRef": "1"}}""".formatted(name, IMAGE))
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofMinutes(1));
        return id;
    }

    private String volume() {
        return demo.get(VOLUMES + "?name=data-1").json().at("/volumes/0/id").asText();
    }

    private void down(String service, int startsIn, int lasts) {
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "%s-down", "match": {"service": "%s"}, "effect": {"type": "outage"},
                 "trigger": {"window": {"starts_in": %d, "lasts": %d}}}""".formatted(service, service, startsIn,
                lasts));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().at("/match/service").asText()).isEqualTo(service);
    }

    @Test
    void whileCinderIsDownVolumeCallsFailAsNovaFailsThemAndCindersOwnApiAnswers503() {
        String server = activeServer("db");
        String volume = volume();
        down("volume", 0, 300);

        Client.Response attach = demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}");
        assertThat(attach.status()).isEqualTo(500);
        assertThat(attach.json().at("/computeFault/message").asText())
                .isEqualTo(novaUnexpected("nova.exception.CinderConnectionFailed"));
        Client.Response poll = demo.get(VOLUMES + "/" + volume);
        assertThat(poll.status()).isEqualTo(503);
        assertThat(poll.text()).isEqualTo(HAPROXY_503);
        assertThat(poll.header("Content-Type")).isEqualTo("text/html");
        assertThat(demo.get("/v2.1/servers/" + server).status()).as("Nova's own reads go on").isEqualTo(200);
        assertThat(Client.anonymous(sim).get("/volume/v3").text()).as("its version document too")
                .isEqualTo(HAPROXY_503);

        sim.control().advance(Duration.ofSeconds(300));
        assertThat(demo.get(VOLUMES + "/" + volume).json().at("/volume/status").asText())
                .as("nothing was changed").isEqualTo("available");
        assertThat(demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}").status()).isEqualTo(200);
        JsonNode fired = admin.get("/__sim/v1/faults/fired").json().at("/fired");
        assertThat(fired.get(0).get("operation").asText()).isEqualTo("attach_volume");
        assertThat(fired.get(1).get("service").asText()).isEqualTo("volume");
        assertThat(fired.get(1).get("operation").asText()).isEqualTo("get_volume");
    }

    @Test
    void whileNeutronIsDownInterfaceAttachesAndBootsFailAndADetachIsAcceptedButLeavesThePort() {
        String server = activeServer("web");
        String network = demo.get("/network/v2.0/networks?name=private").json().at("/networks/0/id").asText();
        String port = demo.post("/network/v2.0/ports", "{\"port\": {\"network_id\": \"" + network + "\"}}")
                .json().at("/port/id").asText();
        String attached = demo.get("/v2.1/servers/" + server + "/os-interface").json()
                .at("/interfaceAttachments/0/port_id").asText();
        down("network", 0, 60);

        Client.Response byPort = demo.post("/v2.1/servers/" + server + "/os-interface",
                "{\"interfaceAttachment\": {\"port_id\": \"" + port + "\"}}");
        assertThat(byPort.status()).isEqualTo(500);
        assertThat(byPort.json().at("/computeFault/message").asText())
                .isEqualTo(novaUnexpected("keystoneauth1.exceptions.connection.ConnectFailure"));
        Client.Response byNetwork = demo.post("/v2.1/servers/" + server + "/os-interface",
                "{\"interfaceAttachment\": {\"net_id\": \"" + network + "\"}}");
        assertThat(byNetwork.json().at("/computeFault/message").asText())
                .as("asked on the compute host, over RPC").isEqualTo(novaUnexpected(
                        "oslo_messaging.rpc.client.RemoteError"));
        Client.Response boot = demo.post("/v2.1/servers", """
                {"server": {"name": "late", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE));
        assertThat(boot.json().at("/computeFault/message").asText())
                .isEqualTo(novaUnexpected("keystoneauth1.exceptions.connection.ConnectFailure"));

        assertThat(demo.delete("/v2.1/servers/" + server + "/os-interface/" + attached).status())
                .as("the detach API never asks Neutron").isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(60));
        assertThat(demo.get("/v2.1/servers/" + server + "/os-interface").json().at("/interfaceAttachments")
                .findValuesAsText("port_id")).as("its work failed: the port stays").contains(attached);
        assertThat(demo.post("/v2.1/servers/" + server + "/os-interface",
                "{\"interfaceAttachment\": {\"port_id\": \"" + port + "\"}}").status()).isEqualTo(200);
    }

    @Test
    void whileGlanceIsDownBootsAndSnapshotsFailAsNovaFailsThem() {
        String server = activeServer("web");
        down("image", 0, 60);
        Client.Response boot = demo.post("/v2.1/servers", """
                {"server": {"name": "late", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE));
        assertThat(boot.status()).isEqualTo(500);
        assertThat(boot.json().at("/computeFault/message").asText())
                .isEqualTo(novaUnexpected("nova.exception.GlanceConnectionFailed"));
        Client.Response snapshot = demo.post("/v2.1/servers/" + server + "/action",
                "{\"createImage\": {\"name\": \"snap\"}}");
        assertThat(snapshot.status()).isEqualTo(500);
        assertThat(snapshot.json().at("/computeFault/message").asText())
                .isEqualTo(novaUnexpected("nova.exception.GlanceConnectionFailed"));
        assertThat(demo.get("/image/v2/images").text()).isEqualTo(HAPROXY_503);
        assertThat(demo.get("/v2.1/servers?name=late").json().at("/servers").size()).as("nothing made").isZero();
    }

    @Test
    void aBootAsksGlanceAndNeutronBeforeItCountsTheQuota() {
        assertThat(admin.put("/v2.1/os-quota-sets/" + CloudSetup.DEMO_PROJECT,
                "{\"quota_set\": {\"instances\": 0}}").status()).isEqualTo(200);
        String boot = """
                {"server": {"name": "late", "imageRef": "%s", "flavorRef": "1"}}""".formatted(IMAGE);
        assertThat(demo.post("/v2.1/servers", boot).status()).as("over the quota").isEqualTo(403);
        down("image", 0, 60);
        assertThat(demo.post("/v2.1/servers", boot).json().at("/computeFault/message").asText())
                .isEqualTo(novaUnexpected("nova.exception.GlanceConnectionFailed"));
        sim.control().removeFault("image-down");
        down("network", 0, 60);
        assertThat(demo.post("/v2.1/servers", boot).json().at("/computeFault/message").asText())
                .isEqualTo(novaUnexpected("keystoneauth1.exceptions.connection.ConnectFailure"));
    }

    @Test
    void whileKeystoneIsDownNewTokensFailAndIssuedOnesKeepWorking() {
        down("identity", 0, 60);
        Client.Response login = Client.anonymous(sim).post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"name": "Default"}, "password": "secret"}}}}}""");
        assertThat(login.status()).isEqualTo(503);
        assertThat(login.text()).isEqualTo(HAPROXY_503);
        assertThat(demo.get("/v2.1/servers").status()).as("a token issued before").isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(60));
        assertThat(Client.as(sim, "alt", "alt").get("/v2.1/servers").status()).isEqualTo(200);
    }

    @Test
    void rulesMatchTheOtherServicesOperationsAndAnswerInEachServicesShape() {
        String volume = volume();
        admin.post("/__sim/v1/faults", """
                {"id": "poll", "match": {"service": "volume", "operations": ["get_volume"]},
                 "effect": {"type": "error", "code": 503, "message": "try later", "retry_after": 30},
                 "trigger": {"times": 1}}""");
        Client.Response poll = demo.get(VOLUMES + "/" + volume);
        assertThat(poll.status()).isEqualTo(503);
        assertThat(poll.header("Retry-After")).isEqualTo("30");
        assertThat(poll.json().at("/serviceUnavailable/message").asText()).isEqualTo("try later");
        assertThat(demo.get(VOLUMES).status()).as("another operation of Cinder's").isEqualTo(200);
        assertThat(demo.get(VOLUMES + "/" + volume).status()).as("once only").isEqualTo(200);

        admin.post("/__sim/v1/faults", """
                {"id": "ports", "match": {"service": "network", "operations": ["get_ports"]},
                 "effect": {"type": "error", "code": 500, "message": "boom"}, "trigger": {"times": 1}}""");
        Client.Response ports = demo.get("/network/v2.0/ports");
        assertThat(ports.status()).isEqualTo(500);
        assertThat(ports.json().at("/NeutronError/message").asText()).isEqualTo("boom");

        admin.post("/__sim/v1/faults", """
                {"id": "images", "match": {"service": "image", "operations": ["get_image"]},
                 "effect": {"type": "error", "code": 503, "message": "no"}, "trigger": {"times": 1}}""");
        Client.Response image = demo.get("/image/v2/images/" + IMAGE);
        assertThat(image.status()).isEqualTo(503);
        assertThat(image.json().at("/code").asText()).isEqualTo("503 Service Unavailable");
        assertThat(image.json().at("/message").asText()).isEqualTo("no");

        admin.post("/__sim/v1/faults", """
                {"id": "tokens", "match": {"service": "identity", "operations": ["issue-token"]},
                 "effect": {"type": "error", "code": 429, "message": "slow down", "retry_after": 2},
                 "trigger": {"times": 1}}""");
        Client.Response token = Client.anonymous(sim).post("/identity/v3/auth/tokens", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"name": "Default"}, "password": "secret"}}}}}""");
        assertThat(token.status()).isEqualTo(429);
        assertThat(token.header("Retry-After")).isEqualTo("2");
        assertThat(token.json().at("/error/message").asText()).isEqualTo("slow down");
        assertThat(token.json().at("/error/title").asText()).isEqualTo("Too Many Requests");
    }

    @Test
    void aSlowOrLostAnswerOfAnotherServiceIsCarriedOutAsForNovas() {
        String volume = volume();
        admin.post("/__sim/v1/faults", """
                {"id": "slow-poll", "match": {"service": "volume", "operations": ["get_volume"]},
                 "effect": {"type": "slow_answer", "seconds": 7}, "trigger": {"times": 1}}""");
        Instant before = sim.control().now();
        assertThat(demo.get(VOLUMES + "/" + volume).status()).isEqualTo(200);
        assertThat(Duration.between(before, sim.control().now())).isEqualTo(Duration.ofSeconds(7));

        admin.post("/__sim/v1/faults", """
                {"id": "lost-token", "match": {"service": "identity", "operations": ["issue_token"]},
                 "effect": {"type": "transport", "fault": "reset"}, "trigger": {"times": 1}}""");
        ApiRequest login = ApiRequest.of("POST", "/identity/v3/auth/tokens").json("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "demo",
                 "domain": {"name": "Default"}, "password": "secret"}}}}}""");
        assertThatThrownBy(() -> sim.exchange(login)).isInstanceOf(TransportFailure.class)
                .hasMessageContaining("lost-token");
        assertThat(sim.exchange(login).status()).isEqualTo(201);
    }

    @Test
    void badServiceRulesAreRefusedNamingWhatIsAccepted() {
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{\"match\": {\"service\": \"dns\"}, \"effect\": {\"type\": \"outage\"}}",
                "Invalid match: match.service must be one of compute, identity, network, volume, image, not \"dns\"");
        refused.put("{\"match\": {\"service\": \"image\", \"operations\": [\"get_volume\"]}, \"effect\": "
                + "{\"type\": \"error\"}}", "Invalid match: match.operations: image has no operation 'get_volume'; "
                + "it has add_image, delete_image, get_image, get_images, upload_image");
        refused.put("{\"match\": {\"operation\": [\"detach_volume\"]}, \"effect\": {\"type\": \"error\"}}",
                "Invalid match: unknown key 'operation' in match; it takes service, operations, server_id, "
                        + "server_name, project_id, port_id, volume_id, image_id, route");
        refused.put("{\"match\": {\"service\": \"volume\", \"operations\": [\"get_volume\"]}, \"effect\": "
                + "{\"type\": \"outage\"}}", "Invalid rule: an outage takes down a whole service: its match "
                + "names the service and nothing else");
        refused.put("{\"match\": {\"service\": \"volume\"}, \"effect\": {\"type\": \"outage\"}, \"trigger\": "
                + "{\"times\": 2}}", "Invalid rule: an outage is down for every call while it lasts: its trigger "
                + "takes a window only");
        refused.put("{\"match\": {\"service\": \"volume\"}, \"effect\": {\"type\": \"delay\", \"seconds\": 3}}",
                "Invalid rule: a delay effect acts on Nova's asynchronous work; a rule on volume takes error, "
                        + "slow_answer, transport or outage");
        refused.put("{\"effect\": {\"type\": \"outage\"}}", "Invalid rule: an outage takes down identity, "
                + "network, volume or image, the services Nova's calls need; for Nova's own API, an error rule with "
                + "a window answers every call");
        refused.put("{\"match\": {\"service\": \"volume\", \"volume_id\": \"v-1\"}, \"effect\": {\"type\": "
                + "\"error\"}}", "Invalid match: server_id, server_name, port_id, volume_id and image_id are of "
                + "Nova's calls; a rule on volume matches by operations and project_id");
        refused.put("{\"match\": {}, \"effects\": {\"type\": \"error\"}}", "Invalid rule: unknown key 'effects' "
                + "in a fault rule; it takes id, match, effect, trigger");
        refused.forEach((rule, message) -> {
            Client.Response answer = admin.post("/__sim/v1/faults", rule);
            assertThat(answer.status()).as(rule).isEqualTo(400);
            assertThat(answer.json().at("/badRequest/message").asText()).as(rule).isEqualTo(message);
        });
    }

    @Test
    void anOverrideAnswersAnyRouteInsteadOfTheSimulationAndIsJournaledAsSuch() {
        String volume = volume();
        Client.Response added = admin.post("/__sim/v1/faults", """
                {"id": "poll-503", "match": {"route": {"method": "GET", "path": "/volume/v3/[^/]+/volumes/[^/]+",
                                                       "headers": {"x-auth-token": ".+"}}},
                 "effect": {"type": "answer", "status": 503, "headers": {"Retry-After": "30"},
                            "body": {"error": "maintenance"}},
                 "trigger": {"times": 2}}""");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().at("/match/route/path").asText()).isEqualTo("/volume/v3/[^/]+/volumes/[^/]+");

        Client.Response poll = demo.get(VOLUMES + "/" + volume);
        assertThat(poll.status()).isEqualTo(503);
        assertThat(poll.header("Retry-After")).isEqualTo("30");
        assertThat(poll.header("Content-Type")).isEqualTo("application/json");
        assertThat(poll.json().at("/error").asText()).isEqualTo("maintenance");
        assertThat(Client.anonymous(sim).get(VOLUMES + "/" + volume).status())
                .as("no token: the header does not match, the simulation answers").isEqualTo(401);
        assertThat(demo.get(VOLUMES).status()).as("another path").isEqualTo(200);
        assertThat(demo.get(VOLUMES + "/" + volume).status()).isEqualTo(503);
        assertThat(demo.get(VOLUMES + "/" + volume).status()).as("twice, then the simulation").isEqualTo(200);

        io.novasim.RecordedRequest journaled = sim.control().requests().stream()
                .filter(r -> r.status() == 503).findFirst().orElseThrow();
        assertThat(journaled.fault()).isEqualTo("rule poll-503: answered by the override: 503 with [Retry-After, "
                + "Content-Type]");
        assertThat(admin.get("/__sim/v1/faults/fired").json().at("/fired/0/operation").asText())
                .startsWith("GET /volume/v3/");

        Client.Response bad = admin.post("/__sim/v1/faults", """
                {"match": {"route": {"path": "/v2.1/servers"}}, "effect": {"type": "error"}}""");
        assertThat(bad.json().at("/badRequest/message").asText()).isEqualTo("Invalid rule: a route match goes with "
                + "an answer effect (an override): the simulation never sees the request");
        bad = admin.post("/__sim/v1/faults", """
                {"match": {"route": {"path": "(unclosed"}}, "effect": {"type": "answer", "status": 200}}""");
        assertThat(bad.json().at("/badRequest/message").asText()).startsWith("Invalid match: match.route: not a "
                + "regular expression: ");
        bad = admin.post("/__sim/v1/faults", """
                {"match": {"route": {"path": ".*"}}, "effect": {"type": "answer", "status": 999}}""");
        assertThat(bad.json().at("/badRequest/message").asText()).isEqualTo("Invalid effect: effect.status must be "
                + "an HTTP status, 100 to 599, not 999");
        assertThat(admin.get("/__sim/v1/clock").status()).as("the control plane is never overridden").isEqualTo(200);
    }

    @Test
    void aSnapshotKeepsWhatTheOtherServicesCallsDidToTheFaultPlan() {
        String volume = volume();
        admin.post("/__sim/v1/faults", """
                {"id": "once", "match": {"service": "volume", "operations": ["get_volume"]},
                 "effect": {"type": "error", "code": 503, "message": "once"}, "trigger": {"times": 1}}""");
        admin.post("/__sim/v1/faults", """
                {"id": "cut", "match": {"route": {"path": "/image/v2/images"}},
                 "effect": {"type": "answer", "status": 502}, "trigger": {"times": 1}}""");
        assertThat(demo.get(VOLUMES + "/" + volume).status()).isEqualTo(503);
        assertThat(demo.get("/image/v2/images").status()).isEqualTo(502);
        String snapshot = sim.control().snapshot();

        sim.control().restore(snapshot);
        Client again = Client.as(sim, "demo", "demo");
        assertThat(again.get(VOLUMES + "/" + volume).status()).as("the rule fired once before the snapshot")
                .isEqualTo(200);
        assertThat(again.get("/image/v2/images").status()).as("so did the override").isEqualTo(200);
        assertThat(admin.get("/__sim/v1/faults/fired").json().at("/fired").findValuesAsText("rule_id"))
                .containsExactly("once", "cut");
    }

    @Test
    void cinderGoingDownWhileADetachIsUnderWayLeavesTheVolumeDetaching() {
        String server = activeServer("db");
        String volume = volume();
        assertThat(demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}").status()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(10));
        Client.Response detach = demo.delete("/v2.1/servers/" + server + "/os-volume_attachments/" + volume);
        assertThat(detach.status()).as("accepted before the outage").isEqualTo(202);
        down("volume", 0, 60);
        sim.control().advance(Duration.ofSeconds(60));

        assertThat(demo.get(VOLUMES + "/" + volume).json().at("/volume/status").asText())
                .as("neither the detach nor its rollback reached Cinder").isEqualTo("detaching");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-volume_attachments").json()
                .at("/volumeAttachments").findValuesAsText("volumeId")).contains(volume);
        JsonNode action = admin.get("/v2.1/servers/" + server + "/os-instance-actions/"
                + detach.header("x-openstack-request-id")).json();
        assertThat(action.at("/instanceAction/events/0/result").asText()).isEqualTo("Error");
        Client.Response again = demo.delete("/v2.1/servers/" + server + "/os-volume_attachments/" + volume);
        assertThat(again.status()).as("Cinder's status check: the volume is not in-use").isEqualTo(400);
        assertThat(admin.get("/__sim/v1/faults/fired").json().at("/fired/0/operation").asText())
                .isEqualTo("detach_volume");
    }

    @Test
    void cinderGoingDownWhileAnAttachIsUnderWayLeavesTheVolumeReservedAndNoAttachment() {
        String server = activeServer("db");
        String volume = volume();
        // Nova's API reached Cinder before the outage: the attach is accepted, and its work finds Cinder down
        assertThat(demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}").status()).isEqualTo(200);
        down("volume", 0, 600);
        sim.control().advance(Duration.ofSeconds(10));
        sim.control().removeFault("volume-down");

        assertThat(demo.get(VOLUMES + "/" + volume).json().at("/volume/status").asText())
                .as("the attachment Nova's API made in Cinder was never deleted").isEqualTo("reserved");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-volume_attachments").json()
                .at("/volumeAttachments").findValuesAsText("volumeId")).as("the BDM is destroyed").isEmpty();
        JsonNode actions = admin.get("/v2.1/servers/" + server + "/os-instance-actions").json();
        String attach = actions.at("/instanceActions/0/request_id").asText();
        JsonNode events = admin.get("/v2.1/servers/" + server + "/os-instance-actions/" + attach).json()
                .at("/instanceAction/events");
        assertThat(events.findValuesAsText("result")).containsExactly("Error");
        Client.Response again = demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}");
        assertThat(again.status()).as("a reserved volume cannot be attached again").isEqualTo(400);
        assertThat(admin.get("/__sim/v1/faults/fired").json().at("/fired").findValuesAsText("operation"))
                .containsExactly("attach_volume");
    }

    @Test
    void cinderGoingDownWhileASwapIsUnderWayKeepsTheOldVolumeDetachingAndTheNewOneReserved() {
        String server = activeServer("db");
        String volume = volume();
        String spare = demo.post(VOLUMES, "{\"volume\": {\"size\": 10, \"name\": \"spare\"}}")
                .json().at("/volume/id").asText();
        assertThat(demo.post("/v2.1/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}").status()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(10));
        Client.Response swap = admin.put("/v2.1/servers/" + server + "/os-volume_attachments/" + volume,
                "{\"volumeAttachment\": {\"volumeId\": \"" + spare + "\"}}");
        assertThat(swap.status()).as(swap.toString()).isEqualTo(202);
        down("volume", 0, 600);
        sim.control().advance(Duration.ofSeconds(30));
        sim.control().removeFault("volume-down");

        assertThat(demo.get(VOLUMES + "/" + volume).json().at("/volume/status").asText()).isEqualTo("detaching");
        assertThat(demo.get(VOLUMES + "/" + spare).json().at("/volume/status").asText()).isEqualTo("reserved");
        assertThat(demo.get("/v2.1/servers/" + server + "/os-volume_attachments").json()
                .at("/volumeAttachments").findValuesAsText("volumeId")).as("the server keeps the old volume")
                .containsExactly(volume);
        assertThat(admin.get("/__sim/v1/faults/fired").json().at("/fired").findValuesAsText("operation"))
                .containsExactly("swap_volume");
    }
}
