package io.novasim.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code os-keypairs} bodies against the community schemas, per microversion. */
@Timeout(60)
class ComputeKeypairsSchemaTest extends ComputeSchemaTest {
    static final String PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1zJ8bYxLw0K6Zq3fJH2nWcY9p0s5vR7tUe4iQx1mB "
            + "test@novasim";

    private static int minor(String version) {
        return Integer.parseInt(version.substring(2));
    }

    /** Creates a key pair at {@code version}: generated before 2.92, imported from 2.92 on (Nova requires a key). */
    private JsonNode create(String version, String name) {
        String body = minor(version) >= 92
                ? "{\"keypair\": {\"name\": \"" + name + "\", \"public_key\": \"" + PUBLIC_KEY + "\"}}"
                : "{\"keypair\": {\"name\": \"" + name + "\"}}";
        return ok(demo.microversion(version).post("/v2.1/os-keypairs", body), minor(version) >= 2 ? 201 : 200);
    }

    @ParameterizedTest(name = "POST /os-keypairs (generated before 2.92) at {0}")
    @MethodSource("versions")
    void create(String version) {
        SCHEMAS.assertValid("POST", "/v2.1/os-keypairs", version, create(version, "key-1"));
    }

    @ParameterizedTest(name = "POST /os-keypairs with a public key at {0}")
    @MethodSource("versions")
    void importAKey(String version) {
        JsonNode body = ok(demo.microversion(version).post("/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"key-2\", "
                + "\"public_key\": \"" + PUBLIC_KEY + "\"}}"), minor(version) >= 2 ? 201 : 200);
        SCHEMAS.assertValid("POST", "/v2.1/os-keypairs", version, body);
    }

    @ParameterizedTest(name = "GET /os-keypairs at {0}")
    @MethodSource("versions")
    void list(String version) {
        create("2.1", "key-1");
        create("2.92", "key-2");
        SCHEMAS.assertValid("GET", "/v2.1/os-keypairs", version,
                ok(demo.microversion(version).get("/v2.1/os-keypairs"), 200));
    }

    @ParameterizedTest(name = "GET /os-keypairs/NAME at {0}")
    @MethodSource("versions")
    void show(String version) {
        create("2.1", "key-1");
        SCHEMAS.assertValid("GET", "/v2.1/os-keypairs/{id}", version,
                ok(demo.microversion(version).get("/v2.1/os-keypairs/key-1"), 200));
    }
}
