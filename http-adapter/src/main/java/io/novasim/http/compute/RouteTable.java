package io.novasim.http.compute;

import io.javalin.http.HandlerType;
import io.novasim.http.support.Route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compute API's own route table: path templates split into segments and matched segment by segment, with no
 * regular expression. Javalin would test each of its route patterns as a regex on every request; with a hundred
 * compute routes that showed in the load run.
 */
final class RouteTable {
    /** A matched route and the values of its path parameters. */
    record Match(Route route, Map<String, String> params) {
    }

    private record Template(HandlerType method, String[] segments, Route route) {
    }

    private final List<Template> templates = new ArrayList<>();

    void add(HandlerType method, String path, Route route) {
        templates.add(new Template(method, split(path), route));
    }

    /** The route for these segments, or null when none matches (whatever the method: Nova answers 404 for both). */
    Match find(HandlerType method, String[] segments, int from) {
        for (Template template : templates) {
            if (template.method() != method || template.segments().length != segments.length - from) {
                continue;
            }
            Map<String, String> params = match(template.segments(), segments, from);
            if (params != null) {
                return new Match(template.route(), params);
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
                params.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return params == null ? new HashMap<>(2) : params;
    }

    /**
     * A path's segments, without its leading slash: empty ones kept ({@code /a//b/} is a, "", b, ""), none for
     * {@code /}. As {@code split("/", -1)}, by hand: every compute request splits its path.
     */
    static String[] split(String path) {
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
