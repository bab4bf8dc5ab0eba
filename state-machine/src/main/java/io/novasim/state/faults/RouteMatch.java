package io.novasim.state.faults;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The requests an override answers, whatever API they are for: a method (any when null), a regular expression the
 * whole path must match, and headers whose values must match theirs (names in any case).
 */
public record RouteMatch(String method, Pattern path, Map<String, Pattern> headers) {
    public RouteMatch {
        Objects.requireNonNull(path, "path");
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        Map<String, Pattern> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = java.util.Collections.unmodifiableMap(lower);
    }

    /** Requests with this method (null: any) to a path matching {@code pathRegex} whole. */
    public static RouteMatch of(String method, String pathRegex) {
        return new RouteMatch(method, Pattern.compile(pathRegex), Map.of());
    }

    /** The same, also needing header {@code name} with a value matching {@code valueRegex} whole. */
    public RouteMatch withHeader(String name, String valueRegex) {
        Map<String, Pattern> more = new TreeMap<>(headers);
        more.put(name.toLowerCase(Locale.ROOT), Pattern.compile(valueRegex));
        return new RouteMatch(method, path, more);
    }

    public boolean matches(HttpCall call) {
        if (method != null && !method.equals(call.method()) || !path.matcher(call.path()).matches()) {
            return false;
        }
        for (Map.Entry<String, Pattern> header : headers.entrySet()) {
            String value = call.header(header.getKey());
            if (value == null || !header.getValue().matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RouteMatch other) || !Objects.equals(method, other.method)
                || !path.pattern().equals(other.path.pattern()) || !headers.keySet().equals(other.headers.keySet())) {
            return false;
        }
        return headers.entrySet().stream().allMatch(e -> e.getValue().pattern().equals(
                other.headers.get(e.getKey()).pattern()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path.pattern(), headers.keySet());
    }

    /** A request as an override sees it: its method, its path and a way to read its headers. */
    public record HttpCall(String method, String path, java.util.function.Function<String, String> headers) {
        /** A header's value (the name in any case), or null. */
        public String header(String name) {
            return headers.apply(name);
        }
    }
}
