package io.novasim.http;

import io.novasim.ApiRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request's headers as the journal keeps them: the first value of each, with the tokens and credentials redacted
 * as Keystone's logs redact them ({@code {SHA256}} and the hash of the value), so a test can tell two tokens apart,
 * or see the same one twice, without the journal showing either.
 */
final class JournalHeaders {
    /** Hashed once each: a client sends the same token with every request. Cleared when it grows past its bound. */
    private static final Map<String, String> REDACTED = new ConcurrentHashMap<>();
    private static final int MOST_REMEMBERED = 1024;

    private JournalHeaders() {
    }

    static Map<String, String> of(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.headerNames()) {
            String value = request.header(name);
            headers.put(name, secret(name) ? redacted(value) : value);
        }
        return headers;
    }

    private static boolean secret(String name) {
        return name.equalsIgnoreCase("X-Auth-Token") || name.equalsIgnoreCase("X-Subject-Token")
                || name.equalsIgnoreCase("Authorization");
    }

    static String redacted(String value) {
        String known = REDACTED.get(value);
        if (known != null) {
            return known;
        }
        if (REDACTED.size() >= MOST_REMEMBERED) {
            REDACTED.clear();
        }
        try {
            String hash = "{SHA256}" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
            REDACTED.put(value, hash);
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
