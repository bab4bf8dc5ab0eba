package io.novasim.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code os-server-password}: empty, as no guest posts one; cleared with 204; another project's server is 404. */
@Timeout(30)
class ServerPasswordTest extends SeededCloudTest {
    ServerPasswordTest() {
        super(91);
    }

    @Test
    void thePasswordIsEmptyAndClearing204s() {
        String server = demo.post("/v2.1/servers", """
                {"server": {"name": "web", "imageRef": "70a599e0-31e7-49b7-b260-868f441e862b", "flavorRef": "1"}}""")
                .json().at("/server/id").asText();
        String path = "/v2.1/servers/" + server + "/os-server-password";
        assertThat(demo.get(path).json().toString()).isEqualTo("{\"password\":\"\"}");
        assertThat(demo.delete(path).status()).isEqualTo(204);
        Client.Response other = Client.as(sim, "alt", "alt").get(path);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().at("/itemNotFound/message").asText())
                .isEqualTo("Instance " + server + " could not be found.");
    }
}
