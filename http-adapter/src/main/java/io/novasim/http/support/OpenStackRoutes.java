package io.novasim.http.support;

import io.novasim.model.error.Refusal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The routes real OpenStack serves for one service, as the community OpenAPI specs list them (generated into
 * {@code openstack-routes/<service>.routes} by {@code tools/openstack-routes.py}). A request that no route of
 * novasim's matches but one of these does is one novasim does not simulate: it is answered 501, saying so, never with
 * a 404 that reads as "no such API". A request neither matches keeps the service's 404.
 */
public final class OpenStackRoutes {
    private final RouteTable<String> routes = new RouteTable<>();

    private OpenStackRoutes() {
    }

    /**
     * The routes of {@code service}, each under {@code prefix}.
     *
     * @param service  the file's name: {@code compute}, {@code network}, {@code volume}, {@code image} or
     *                 {@code identity}
     * @param prefix   prepended to every path of the file (the service's mount, e.g. {@code /network}), or empty
     */
    public static OpenStackRoutes load(String service, String prefix) {
        OpenStackRoutes loaded = new OpenStackRoutes();
        String resource = "/io/novasim/http/openstack-routes/" + service + ".routes";
        try (InputStream in = OpenStackRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String path = line.substring(space + 1);
                loaded.routes.add(line.substring(0, space), prefix + path, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    /**
     * The real route that {@code method} on the path matches, as its spec writes it (e.g.
     * {@code /v2.1/servers/{server_id}/tags/{id}}), or null when real OpenStack has none there either.
     *
     * @param segments the path's segments ({@link RouteTable#split})
     * @param from     the first segment to match (past a prefix the file's paths do not have)
     */
    public String find(String method, String[] segments, int from) {
        RouteTable.Match<String> match = routes.find(method, segments, from);
        return match == null ? null : match.route();
    }

    /**
     * The 501 for a route real OpenStack serves and novasim does not simulate, in the body {@code refusal} is made
     * for, naming the method and the route; the server's log says the same.
     *
     * @param route the real route, as {@link #find} gives it
     */
    public static Reply notSimulated(Exchange exchange, Refusal refusal, String route) {
        exchange.refuse(exchange.method() + " " + exchange.path() + " refused: novasim does not simulate "
                + exchange.method() + " " + route + " (rule: a route real OpenStack serves and novasim does not"
                + " simulate is answered 501, never 404)");
        return Errors.of(refusal, exchange.method(), route);
    }
}
