package io.novasim.http.support;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one API: path templates ({@code /servers/{server_id}}) split into segments and matched segment by
 * segment, with no regular expression. A path parameter's value is percent-decoded.
 *
 * @param <R> what a route is
 */
public final class RouteTable<R> {
    /** A matched route and the values of its path parameters. */
    public record Match<R>(R route, Map<String, String> params) {
    }

    private record Template<R>(String method, String[] segments, R route) {
    }

    private final List<Template<R>> templates = new ArrayList<>();

    /** Adds a route for {@code method} (upper case) at {@code path}. */
    public void add(String method, String path, R route) {
        templates.add(new Template<>(method, split(path), route));
    }

    /**
     * The route for the segments from {@code from} on, or null when none matches.
     *
     * @param segments a path's segments, as {@link #split} gives them
     */
    public Match<R> find(String method, String[] segments, int from) {
        for (Template<R> template : templates) {
            if (!template.method().equals(method) || template.segments().length != segments.length - from) {
                continue;
            }
            Map<String, String> params = match(template.segments(), segments, from);
            if (params != null) {
                return new Match<>(template.route(), params);
            }
        }
        return null;
    }

    private static Map<String, String> match(String[] template, String[] segments, int from) {
        Map<String, String> params = null;
        for (int i = 0; i < template.length; i++) {
            String expected = template[i];
            String actual = segments[from + i];
            if (expected.startsWith("{")) {
                if (actual.isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(expected.substring(1, expected.length() - 1), decode(actual));
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return params == null ? new HashMap<>(2) : params;
    }

    /** Whether some route is at this path, whatever its method. */
    public boolean hasPath(String[] segments, int from) {
        for (Template<R> template : templates) {
            if (template.segments().length == segments.length - from && match(template.segments(), segments, from)
                    != null) {
                return true;
            }
        }
        return false;
    }

    /** A path segment with its {@code %XX} escapes decoded as UTF-8 ({@code +} stays: it is no space in a path). */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    /**
     * A path's segments, without its leading slash: empty ones kept ({@code /a//b/} is a, "", b, ""), none for
     * {@code /}. As {@code split("/", -1)}, by hand: every compute request splits its path.
     */
    public static String[] split(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        if (start == path.length()) {
            return new String[0];
        }
        int count = 1;
        for (int i = path.indexOf('/', start); i >= 0; i = path.indexOf('/', i + 1)) {
            count++;
        }
        String[] segments = new String[count];
        int from = start;
        for (int n = 0; n < count - 1; n++) {
            int slash = path.indexOf('/', from);
            segments[n] = path.substring(from, slash);
            from = slash + 1;
        }
        segments[count - 1] = path.substring(from);
        return segments;
    }
}
