package io.novasim.http;

import io.novasim.ApiRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request's headers as the journal keeps them: the first value of each name, with the tokens and credentials
 * redacted as Keystone's logs redact them ({@code {SHA256}} and the hash of the value), so a test can tell two tokens
 * apart, or see the same one twice, without the journal showing either. It keeps the request's header lines and
 * spells them out only when read: most journaled requests never are, and every request is journaled.
 */
final class JournalHeaders extends AbstractMap<String, String> {
    /** Hashed once each: a client sends the same token with every request. Cleared when it grows past its bound. */
    private static final Map<String, String> REDACTED = new ConcurrentHashMap<>();
    private static final int MOST_REMEMBERED = 1024;

    private final List<ApiRequest.Header> lines;
    private Map<String, String> spelled;

    private JournalHeaders(List<ApiRequest.Header> lines) {
        this.lines = lines;
    }

    static Map<String, String> of(ApiRequest request) {
        return new JournalHeaders(request.headerLines());
    }

    @Override
    public synchronized Set<Entry<String, String>> entrySet() {
        if (spelled == null) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (ApiRequest.Header line : lines) {
                headers.putIfAbsent(line.name(), secret(line.name()) ? redacted(line.value()) : line.value());
            }
            spelled = java.util.Collections.unmodifiableMap(headers);
        }
        return spelled.entrySet();
    }

    private static boolean secret(String name) {
        return name.equalsIgnoreCase("X-Auth-Token") || name.equalsIgnoreCase("X-Subject-Token")
                || name.equalsIgnoreCase("X-Service-Token") || name.equalsIgnoreCase("Authorization");
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
