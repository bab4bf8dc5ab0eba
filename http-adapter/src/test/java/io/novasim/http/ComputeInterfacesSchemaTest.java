package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code os-interface} bodies (nova-semantics.md §3.1) against the community schemas, per microversion. */
@Timeout(60)
class ComputeInterfacesSchemaTest extends ComputeSchemaTest {
    String server;
    String path;

    @BeforeEach
    void activeServer() {
        server = bootActive("web");
        path = "/v2.1/servers/" + server + "/os-interface";
    }

    /** Attaches by network at {@code version}, with a tag where the microversion takes one (2.49). */
    private Client.Response attach(String version) {
        String tag = Integer.parseInt(version.substring(2)) < 49 ? "" : ", \"tag\": \"nic1\"";
        return demo.microversion(version).post(path, "{\"interfaceAttachment\": {\"net_id\": \"" + NET + "\"" + tag
                + "}}");
    }

    @ParameterizedTest(name = "POST os-interface at {0}")
    @MethodSource("versions")
    void create(String version) {
        JsonNode body = ok(attach(version), 200);
        SCHEMAS.assertValid("POST", "/v2.1/servers/{server_id}/os-interface", version, body);
    }

    @ParameterizedTest(name = "GET os-interface at {0}")
    @MethodSource("versions")
    void list(String version) {
        ok(attach("2.1"), 200);
        ok(attach("2.49"), 200);
        JsonNode body = ok(demo.microversion(version).get(path), 200);
        assertThat(body.get("interfaceAttachments")).hasSize(3);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-interface", version, body);
    }

    @ParameterizedTest(name = "GET os-interface/PORT at {0}")
    @MethodSource("versions")
    void show(String version) {
        String port = ok(attach("2.49"), 200).at("/interfaceAttachment/port_id").asText();
        JsonNode body = ok(demo.microversion(version).get(path + "/" + port), 200);
        SCHEMAS.assertValid("GET", "/v2.1/servers/{server_id}/os-interface/{id}", version, body);
    }
}
