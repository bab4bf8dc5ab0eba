package io.novasim.http;

import io.novasim.CloudSetup;
import io.novasim.NovaSimulator;
import io.novasim.model.catalog.Catalog;
import io.novasim.model.catalog.Project;
import io.novasim.model.catalog.User;
import io.novasim.model.network.Ipv4Cidr;
import io.novasim.model.network.Network;
import io.novasim.model.network.Subnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample requests of the seeds, replayed: status line, each header the seed shows (varying values by pattern)
 * and body. Ids the simulator generates stand in for the seeds' example ids.
 */
@Timeout(30)
class SeedGoldenTest {
    /** Seed 000's tenant, and the one its error example puts in the URL instead. */
    static final String TENANT = "ad355aa6ed3e4cf5ae0fa0df652bc291";
    static final String WRONG_TENANT = "ad355aa6ed3e4cf5ae0fa0df652bc290";
    static NovaSimulator sim;
    static Client client;
    static String server;
    static String port;

    @BeforeAll
    static void start() {
        CloudSetup demo = CloudSetup.demo();
        Catalog catalog = new Catalog(
                List.of(new Project(TENANT, "tenant", CloudSetup.DEFAULT_DOMAIN),
                        new Project(WRONG_TENANT, "neighbour", CloudSetup.DEFAULT_DOMAIN)),
                List.of(new User("u1", "ecl-user", CloudSetup.DEFAULT_DOMAIN)),
                demo.catalog().flavors(), demo.catalog().images(),
                List.of(new Network("3cb9bc59-5699-4588-a4b1-b87f96708bc6", "private", TENANT, false, false, 1450)),
                List.of(new Subnet("f8a6e8f8-c2ec-497c-9f23-da9616de54ef", "private-subnet",
                        "3cb9bc59-5699-4588-a4b1-b87f96708bc6", TENANT, Ipv4Cidr.parse("10.0.0.0/24"), "10.0.0.1")));
        CloudSetup setup = new CloudSetup(catalog, Map.of("u1", "secret"),
                Map.of("u1", Map.of(TENANT, Set.of("member"))), List.of());
        sim = NovaSimulator.builder().setup(setup).build().start();
        client = Client.as(sim, "ecl-user", "tenant");
        server = client.post("/ecl/compute/v2/" + TENANT + "/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        sim.control().advance(Duration.ofSeconds(5));
        port = client.get("/ecl/compute/v2/" + TENANT + "/servers/" + server + "/os-interface").json()
                .at("/interfaceAttachments/0/port_id").asText();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void seed000DetachInterfaceAnswers202WithAnEmptyHtmlBody() {
        Client.Response response = client.delete("/ecl/compute/v2/" + TENANT + "/servers/" + server
                + "/os-interface/" + port);
        // HTTP/1.1 202 Accepted
        assertThat(response.status()).isEqualTo(202);
        // Content-Type: text/html; charset=UTF-8
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=UTF-8");
        // Content-Length: 0
        assertThat(response.header("Content-Length")).isEqualTo("0");
        // X-Compute-Request-Id: req-8c56c25c-5863-40e3-ac5b-2f93105b6d35
        assertThat(response.header("X-Compute-Request-Id")).matches("req-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        // Date: Thu, 15 Oct 2015 06:19:13 GMT
        assertThat(response.header("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(response.header("x-openstack-request-id")).as("a Kilo-era API sends no such header").isNull();
        assertThat(response.text()).isEmpty();
    }

    @Test
    void seed000AWrongTenantInTheUrlIsThe400OfTheSeed() {
        Client.Response response = client.delete("/ecl/compute/v2/" + WRONG_TENANT + "/servers/" + server
                + "/os-interface/" + port);
        // HTTP/1.1 400 Bad Request
        assertThat(response.status()).isEqualTo(400);
        // Content-Length: 188
        assertThat(response.header("Content-Length")).isEqualTo("188");
        // Content-Type: application/json; charset=UTF-8
        assertThat(response.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(response.header("X-Compute-Request-Id")).startsWith("req-");
        assertThat(response.header("Date")).isNotBlank();
        assertThat(response.text()).isEqualTo("{\"badRequest\": {\"message\": \"Malformed request URL: URL's "
                + "project_id 'ad355aa6ed3e4cf5ae0fa0df652bc290' doesn't match Context's project_id "
                + "'ad355aa6ed3e4cf5ae0fa0df652bc291'\", \"code\": 400}}");
    }

    private static Client hostway(String user, String password) {
        return Client.anonymous(sim).withHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void seed003DetachVolumeAnswers204AndUnknownsTheGeneric404() {
        String volume = client.post("/volume/v3/" + TENANT + "/volumes", "{\"volume\": {\"size\": 1, \"name\": \"v\"}}")
                .json().at("/volume/id").asText();
        sim.control().advance(Duration.ofSeconds(1));
        Client basic = hostway("ecl-user", "secret");
        assertThat(basic.post("/hostway/servers/" + server + "/os-volume_attachments",
                "{\"volumeAttachment\": {\"volumeId\": \"" + volume + "\"}}").status()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(2));

        // DELETE .../servers/test-server-0013/os-volume_attachments/hbs2012May03_0OxRg0Jz7 -> HTTP/1.1 204 No Content
        Client.Response detached = basic.delete("/hostway/servers/" + server + "/os-volume_attachments/" + volume);
        assertThat(detached.status()).isEqualTo(204);
        assertThat(detached.text()).isEmpty();

        // GET .../servers/test-server-0013/os-volume_attachments/fake_volume_id -> 404 itemNotFound
        Client.Response missing = basic.get("/hostway/servers/" + server + "/os-volume_attachments/fake_volume_id");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text()).matches("\\{\"itemNotFound\": \\{\"message\": \"Resource not found\", "
                + "\"code\": 404, \"details\": \"\", \"errorid\": \"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\"}}");

        // DELETE .../servers/fake_server_id/os-volume_attachments/hbs2012May03_0OxRg0Jz7 -> 404 itemNotFound
        Client.Response noServer = basic.delete("/hostway/servers/fake_server_id/os-volume_attachments/" + volume);
        assertThat(noServer.status()).isEqualTo(404);
        assertThat(noServer.json().at("/itemNotFound/message").asText()).isEqualTo("Resource not found");
    }

    @Test
    void seed003OnlyTheVolumeDetachIs204OtherDeletesAnswerAsNovaDoes() {
        Client basic = hostway("ecl-user", "secret");
        String attached = basic.post("/hostway/servers/" + server + "/os-interface",
                "{\"interfaceAttachment\": {}}").json().at("/interfaceAttachment/port_id").asText();
        Client.Response detached = basic.delete("/hostway/servers/" + server + "/os-interface/" + attached);
        assertThat(detached.status()).as("the seed documents 204 for the volume detach only").isEqualTo(202);
        sim.control().advance(Duration.ofSeconds(2));
    }

    @Test
    void seed003BadCredentialsAreThePlainText401() {
        Client.Response response = hostway("ecl-user", "fake_authentication_string")
                .delete("/hostway/servers/" + server + "/os-volume_attachments/anything");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.text()).isEqualTo("401 Unauthorized\n"
                + "This server could not verify that you are authorized to\n"
                + "access the document you requested.  Either you supplied the\n"
                + "wrong credentials (e.g., bad password), or your browser\n"
                + "does not understand how to supply the credentials required.\n");
        assertThat(Client.anonymous(sim).get("/hostway/servers/" + server + "/os-volume_attachments").status())
                .isEqualTo(401);
    }

    static final String ISO = "3339fd5f-ec06-4ef8-9337-c1c70218a748";

    private static String metalAction(String tenant, String serverId) {
        return "/ecl/baremetal/v2/" + tenant + "/servers/" + serverId + "/action";
    }

    @Test
    void seed002MediaDetachAnswers200WithNoBody() {
        String action = metalAction(TENANT, server);
        assertThat(client.post(action, "{\"media-attach\": {\"imageRef\": \"" + ISO + "\"}}").status())
                .isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(2));
        // POST v2/{tenant}/servers/{server}/action {"media-detach": {"imageRef": "3339fd5f-..."}} -> HTTP/1.1 200 OK
        Client.Response detached = client.post(action, "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}");
        assertThat(detached.status()).isEqualTo(200);
        assertThat(detached.text()).isEmpty();
        sim.control().advance(Duration.ofSeconds(1));
    }

    @Test
    void seed002EveryResponseCodeOfItsTable() {
        String action = metalAction(TENANT, server);
        String detach = "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}";
        // 400 specified parameter is invalid
        assertThat(client.post(action, "{\"media-detach\": {}}").status()).isEqualTo(400);
        // 401 unauthorized
        assertThat(Client.anonymous(sim).post(action, detach).status()).isEqualTo(401);
        // 403 tenant is not available
        Client.Response otherTenant = client.post(metalAction(WRONG_TENANT, server), detach);
        assertThat(otherTenant.status()).isEqualTo(403);
        assertThat(otherTenant.json().at("/forbidden/message").asText()).isEqualTo("Tenant is not available.");
        // 404 not found a specified item: the server, the image, or media that is not attached
        assertThat(client.post(metalAction(TENANT, "c880a4b5-0230-4925-a8f5-16fb48249275"), detach).status())
                .isEqualTo(404);
        assertThat(client.post(action, "{\"media-detach\": {\"imageRef\": \"" + WRONG_TENANT + "\"}}").status())
                .isEqualTo(404);
        assertThat(client.post(action, detach).status()).isEqualTo(404);
        // 405 request URL or method is invalid
        assertThat(client.get(action).status()).isEqualTo(405);
        assertThat(client.post("/ecl/baremetal/v2/" + TENANT + "/servers/" + server + "/nothing", detach).status())
                .isEqualTo(405);
        // 409 accepted only when the task_state is None
        client.post(action, "{\"media-attach\": {\"imageRef\": \"" + ISO + "\"}}");
        assertThat(client.post(action, detach).status()).isEqualTo(409);
        sim.control().advance(Duration.ofSeconds(2));
        // 415 bad media type
        assertThat(client.withHeader("Content-Type", "application/xml").post(action, "<media-detach/>").status())
                .isEqualTo(415);
        // 500 compute fault
        sim.control().addFault(new io.novasim.state.faults.FaultRule("bmc-down",
                io.novasim.state.faults.FaultMatch.operation(io.novasim.state.rules.Operation.MEDIA_DETACH),
                io.novasim.state.faults.FaultEffect.Error.computeFault("The BMC does not answer."),
                io.novasim.state.faults.Trigger.nextCalls(1)));
        assertThat(client.post(action, detach).status()).isEqualTo(500);
        // 200 normal end
        assertThat(client.post(action, detach).status()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(1));
    }

    /** Seed 002's request-parameter table, row by row: the parameter, then each code it names for an invalid value. */
    @Test
    void seed002EveryRowOfItsParameterTable() {
        String detach = "{\"media-detach\": {\"imageRef\": \"" + ISO + "\"}}";
        // tenant_id | URL | UUID | ... | 403, 404: another tenant is not available; no tenant id at all is not found
        Client.Response foreign = client.post(metalAction(WRONG_TENANT, server), detach);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.text()).isEqualTo("{\"forbidden\": {\"message\": \"Tenant is not available.\", "
                + "\"code\": 403}}");
        Client.Response noTenant = client.post(metalAction("no-such_tenant", server), detach);
        assertThat(noTenant.status()).isEqualTo(404);
        assertThat(noTenant.json().at("/itemNotFound/message").asText())
                .isEqualTo("Tenant no-such_tenant could not be found.");
        assertThat(noTenant.header("X-Compute-Request-Id")).startsWith("req-");
        assertThat(Client.anonymous(sim).post(metalAction("no-such_tenant", server), detach).status())
                .as("authentication comes first").isEqualTo(401);
        // server_id | URL | UUID | ... | 404
        Client.Response noServer = client.post(metalAction(TENANT, "c880a4b5-0230-4925-a8f5-16fb48249275"), detach);
        assertThat(noServer.status()).isEqualTo(404);
        assertThat(noServer.json().at("/itemNotFound/message").asText())
                .isEqualTo("Instance c880a4b5-0230-4925-a8f5-16fb48249275 could not be found.");
        // token | Header | ... | 401: none, and one that is not a token
        assertThat(Client.anonymous(sim).post(metalAction(TENANT, server), detach).status()).isEqualTo(401);
        assertThat(Client.anonymous(sim).withHeader("X-Auth-Token", "62d528dc0cca4827b0ed465efe1c2588")
                .post(metalAction(TENANT, server), detach).status()).isEqualTo(401);
        // media-detach | Request | Media-Detach | ... | 400, 404: no imageRef, a malformed one, an unknown image
        assertThat(client.post(metalAction(TENANT, server), "{\"media-detach\": {}}").status()).isEqualTo(400);
        assertThat(client.post(metalAction(TENANT, server), "{\"media-detach\": null}").status()).isEqualTo(400);
        assertThat(client.post(metalAction(TENANT, server),
                "{\"media-detach\": {\"imageRef\": \"c880a4b5-0230-4925-a8f5-000000000000\"}}").status())
                .isEqualTo(404);
        // and with every parameter valid (the medium attached first): 200
        assertThat(client.post(metalAction(TENANT, server), "{\"media-attach\": {\"imageRef\": \"" + ISO + "\"}}")
                .status()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(2));
        assertThat(client.post(metalAction(TENANT, server), detach).status()).isEqualTo(200);
        sim.control().advance(Duration.ofSeconds(2));
    }

    @Test
    void seeds001And004ListCreateShowDetachOnNovaV21() {
        String base = "/v2.1/" + TENANT + "/servers/" + server + "/os-interface";
        assertThat(client.get(base).status()).isEqualTo(200);
        Client.Response created = client.post(base, "{\"interfaceAttachment\": {}}");
        assertThat(created.status()).isEqualTo(200);
        String created_port = created.json().at("/interfaceAttachment/port_id").asText();
        assertThat(client.get(base + "/" + created_port).status()).isEqualTo(200);
        Client.Response detached = client.delete(base + "/" + created_port);
        assertThat(detached.status()).isEqualTo(202);
        assertThat(detached.header("x-openstack-request-id")).isEqualTo(detached.header("x-compute-request-id"));
        assertThat(client.get("/v2.1/" + TENANT + "/servers/nope/os-interface").status()).isEqualTo(404);
        assertThat(Client.anonymous(sim).get(base).status()).isEqualTo(401);
    }
}
