package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Glance images users create and upload, as Glance's v2 API answers them: a queued record (201, Location), data
 * streamed in and digested (204; active with its size, MD5 and SHA-512, more than an API body holds), a server booted
 * from it, and Glance's refusals of what is wrong.
 */
class ImageUploadTest extends SeededCloudTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    ImageUploadTest() {
        super(61);
    }

    private String create(String body) {
        Client.Response created = demo.post("/image/v2/images", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private HttpResponse<String> upload(String id, byte[] data, String type) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/image/v2/images/" + id + "/file"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).header("Content-Type", type)
                .header("X-Auth-Token", demo.token()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anImageIsCreatedQueuedThenUploadedAndActiveWithItsHashes() throws Exception {
        Client.Response created = demo.post("/image/v2/images", """
                {"name": "uploaded", "disk_format": "qcow2", "container_format": "bare", "os_distro": "cirros"}""");
        assertThat(created.status()).isEqualTo(201);
        JsonNode queued = created.json();
        String id = queued.get("id").asText();
        assertThat(created.header("Location")).endsWith("/image/v2/images/" + id);
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("visibility").asText()).as("Glance's default").isEqualTo("shared");
        assertThat(queued.get("size").isNull()).isTrue();
        assertThat(queued.get("os_distro").asText()).isEqualTo("cirros");

        byte[] data = new byte[3 * 1024 * 1024]; // more than an API body holds
        new Random(5).nextBytes(data);
        HttpResponse<String> uploaded = upload(id, data, "application/octet-stream");
        assertThat(uploaded.statusCode()).isEqualTo(204);

        JsonNode active = demo.get("/image/v2/images/" + id).json();
        assertThat(active.get("status").asText()).isEqualTo("active");
        assertThat(active.get("size").asLong()).isEqualTo(data.length);
        assertThat(active.get("checksum").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)));
        assertThat(active.get("os_hash_value").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data)));
        assertThat(sim.control().requests().stream().filter(r -> r.method().equals("PUT")).findFirst()
                .orElseThrow().body()).isEqualTo("<" + data.length + " bytes of data>");

        HttpResponse<String> again = upload(id, data, "application/octet-stream");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Client.JSON.readTree(again.body()).get("message").asText())
                .isEqualTo("Image status transition from active to saving is not allowed");

        Client.Response booted = demo.post("/v2.1/servers", """
                {"server": {"name": "from-upload", "imageRef": "%s", "flavorRef": "1"}}""".formatted(id));
        assertThat(booted.status()).as(booted.text()).isEqualTo(202);
        assertThat(demo.delete("/image/v2/images/" + id).status()).isEqualTo(204);
        assertThat(demo.get("/image/v2/images/" + id).status()).isEqualTo(404);
    }

    @Test
    void aQueuedImageBootsNothingAndTakesNoDataWithoutItsFormats() throws Exception {
        String queued = create("{\"name\": \"later\"}");
        Client.Response booted = demo.post("/v2.1/servers", """
                {"server": {"name": "too-soon", "imageRef": "%s", "flavorRef": "1"}}""".formatted(queued));
        assertThat(booted.status()).isEqualTo(400);
        assertThat(booted.json().at("/badRequest/message").asText()).isEqualTo("Image " + queued + " is not active.");

        HttpResponse<String> unformatted = upload(queued, new byte[10], "application/octet-stream");
        assertThat(unformatted.statusCode()).isEqualTo(400);
        assertThat(Client.JSON.readTree(unformatted.body()).get("message").asText())
                .isEqualTo("Properties disk_format, container_format must be set prior to saving data.");
        HttpResponse<String> text = upload(queued, new byte[10], "text/plain");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(Client.JSON.readTree(text.body()).get("message").asText())
                .isEqualTo("Invalid content type text/plain");
        assertThat(demo.get("/image/v2/images/" + queued).json().get("status").asText()).isEqualTo("queued");
    }

    @Test
    void glanceRefusesWhatItsSchemaAndPoliciesDoNotAllow() {
        Client.Response format = demo.post("/image/v2/images", "{\"disk_format\": \"qcow3\"}");
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().get("message").asText()).startsWith("Provided object does not match schema "
                + "'image': 'qcow3' is not one of [None, 'ami', 'ari', 'aki', 'vhd'");
        Client.Response publicImage = demo.post("/image/v2/images", "{\"visibility\": \"public\"}");
        assertThat(publicImage.status()).isEqualTo(403);
        assertThat(publicImage.json().get("message").asText())
                .isEqualTo("You are not authorized to complete publicize_image action.");
        assertThat(Client.as(sim, "admin", "admin").post("/image/v2/images", "{\"visibility\": \"public\"}")
                .status()).isEqualTo(201);
        assertThat(Client.as(sim, "admin", "admin").post("/image/v2/images", "{\"owner\": \""
                + io.novasim.CloudSetup.DEMO_PROJECT + "\"}").status()).as("no owner is dropped").isEqualTo(501);
        assertThat(demo.post("/image/v2/images", "{\"status\": \"active\"}").json().get("message").asText())
                .isEqualTo("Attribute 'status' is read-only.");
        assertThat(demo.post("/image/v2/images", "{\"deleted\": \"yes\"}").json().get("message").asText())
                .isEqualTo("Attribute 'deleted' is reserved.");
        assertThat(demo.post("/image/v2/images", "{\"min_disk\": -1}").json().get("message").asText())
                .isEqualTo("Invalid value '-1' for parameter 'min_disk': Cannot be a negative value");
        assertThat(demo.post("/image/v2/images", "{").json().get("message").asText())
                .isEqualTo("Malformed JSON in request body.");
        assertThat(demo.post("/image/v2/images", "").json().get("message").asText())
                .isEqualTo("Body expected in request.");
        String chosen = "7b1e9a38-3c1f-4e0a-9a57-2f7c5f6b9d10";
        assertThat(demo.post("/image/v2/images", "{\"id\": \"" + chosen + "\"}").json().get("id").asText())
                .isEqualTo(chosen);
        Client.Response twice = demo.post("/image/v2/images", "{\"id\": \"" + chosen + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("message").asText()).isEqualTo("Image ID " + chosen + " already exists!");
    }

    @Test
    void anotherProjectsPrivateImageIsNotSeenAndItsCommunityImageIsShownButNotListed() {
        Client alt = Client.as(sim, "alt", "alt");
        String hidden = create("{\"name\": \"mine\", \"visibility\": \"private\"}");
        String community = create("{\"name\": \"ours\", \"visibility\": \"community\"}");
        assertThat(alt.get("/image/v2/images/" + hidden).status()).isEqualTo(404);
        assertThat(alt.get("/image/v2/images/" + community).status()).isEqualTo(200);
        assertThat(alt.get("/image/v2/images").json().get("images").findValuesAsText("name"))
                .doesNotContain("mine", "ours");
        assertThat(alt.get("/image/v2/images?visibility=community").json().get("images")
                .findValuesAsText("name")).containsExactly("ours");
        Client.Response delete = alt.delete("/image/v2/images/" + community);
        assertThat(delete.status()).isEqualTo(403);
        Client.Response upload = alt.withHeader("Content-Type", "application/octet-stream")
                .send("PUT", "/image/v2/images/" + community + "/file", "data");
        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.json().get("message").asText())
                .isEqualTo("Not allowed to upload image data for image " + community);
    }
}
