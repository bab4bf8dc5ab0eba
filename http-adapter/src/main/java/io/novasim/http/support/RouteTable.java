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

    /**
     * A path template: per segment, the literal it must be, or the name of the parameter it is (the other null).
     */
    private record Template<R>(String path, String[] literals, String[] parameters, R route) {
        static <R> Template<R> of(String path, R route) {
            String[] segments = split(path);
            String[] literals = new String[segments.length];
            String[] parameters = new String[segments.length];
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    parameters[i] = segments[i].substring(1, segments[i].length() - 1);
                } else {
                    literals[i] = segments[i];
                }
            }
            return new Template<>(path, literals, parameters, route);
        }

        /** The parameters' values when the segments from {@code from} on match, else null. */
        Map<String, String> match(String[] segments, int from) {
            if (literals.length != segments.length - from) {
                return null;
            }
            for (int i = 0; i < literals.length; i++) { // literals first: most templates fail on one
                if (literals[i] != null && !literals[i].equals(segments[from + i])) {
                    return null;
                }
            }
            Map<String, String> params = null;
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] != null) {
                    String actual = segments[from + i];
                    if (actual.isEmpty()) {
                        return null;
                    }
                    if (params == null) {
                        params = new HashMap<>(4);
                    }
                    params.put(parameters[i], decode(actual));
                }
            }
            return params == null ? Map.of() : params;
        }
    }

    /** The templates of each method, in the order they were added. */
    private final Map<String, List<Template<R>>> templates = new HashMap<>();

    /** Every route, as {@code METHOD /path/{param}}, sorted by path then method. */
    public List<String> routes() {
        List<String> routes = new ArrayList<>();
        templates.forEach((method, list) -> list.forEach(t -> routes.add(method + " " + t.path())));
        routes.sort(java.util.Comparator.comparing((String r) -> r.substring(r.indexOf(' ') + 1))
                .thenComparing(r -> r.substring(0, r.indexOf(' '))));
        return routes;
    }

    /** Adds a route for {@code method} (upper case) at {@code path}. */
    public void add(String method, String path, R route) {
        templates.computeIfAbsent(method, m -> new ArrayList<>()).add(Template.of(path, route));
    }

    /**
     * The route for the segments from {@code from} on, or null when none matches.
     *
     * @param segments a path's segments, as {@link #split} gives them
     */
    public Match<R> find(String method, String[] segments, int from) {
        for (Template<R> template : templates.getOrDefault(method, List.of())) {
            Map<String, String> params = template.match(segments, from);
            if (params != null) {
                return new Match<>(template.route(), params);
            }
        }
        return null;
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
