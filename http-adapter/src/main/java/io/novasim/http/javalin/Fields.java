package io.novasim.http.javalin;

import io.novasim.ApiRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer headers as Jetty writes them, byte for byte as the API spelt them (Jetty would rewrite a Content-Type it
 * knows: {@code application/json; charset=UTF-8} becomes {@code application/json;charset=utf-8}). The headers that
 * repeat from answer to answer (the version headers, {@code Vary}, the content types) are encoded once and kept: a
 * request id, new every time, is not.
 */
final class Fields {
    /** Kept headers: a few dozen in practice; past this, new ones are no longer kept. */
    private static final int MAX_KEPT = 256;
    private static final Map<ApiRequest.Header, HttpField> KEPT = new ConcurrentHashMap<>();

    private Fields() {
    }

    static HttpField of(ApiRequest.Header header) {
        HttpField kept = KEPT.get(header);
        if (kept != null) {
            return kept;
        }
        HttpHeader known = HttpHeader.CACHE.get(header.name());
        if (!repeats(header.name())) {
            return new HttpField(known, header.name(), header.value());
        }
        HttpField encoded = new PreEncodedHttpField(known, header.name(), header.value());
        if (KEPT.size() < MAX_KEPT) {
            KEPT.put(header, encoded);
        }
        return encoded;
    }

    /** Headers whose values recur: not a request id, a location or a token. */
    private static boolean repeats(String name) {
        return !name.toLowerCase(java.util.Locale.ROOT).endsWith("request-id") && !name.equalsIgnoreCase("Location")
                && !name.equalsIgnoreCase("X-Subject-Token");
    }
}
