package io.novasim.http.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The control plane described as OpenAPI 3.1 ({@code control-plane.openapi.json} beside this class, served at
 * {@code GET /__sim/v1/openapi.json}); {@code ControlPlaneOpenApiTest} holds it to the routes and answers.
 */
final class OpenApiDocument {
    static final byte[] BYTES = read();

    private OpenApiDocument() {
    }

    private static byte[] read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("control-plane.openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("control-plane.openapi.json is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
