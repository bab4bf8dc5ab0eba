package io.novasim.http.network;

import io.novasim.http.support.Exchange;
import io.novasim.ApiResponse;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.error.Refusal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Neutron subset clients need (client-wire-contract.md §4), under {@code /network}: version discovery (no token),
 * the extension list (empty: {@code openstack port create} needs a 200 here), networks and subnets read-only, ports
 * read, created and deleted.
 */
@Singleton
public final class NetworkRoutes {
    private final NetworkApi api;

    @Inject
    public NetworkRoutes(Simulation simulation) {
        api = new NetworkApi(simulation);
        for (String root : List.of("", "/")) {
            api.open(root, NetworkRoutes::versions);
        }
        for (String v2 : List.of("/v2.0", "/v2.0/")) {
            api.open(v2, NetworkRoutes::resources);
        }
        api.route("GET", "/extensions", "get_extensions", call -> Reply.ok(Json.object("extensions", List.of())));
        api.route("GET", "/extensions/{alias}", "get_extension", NetworkRoutes::extension);
        new NetworksRoutes(simulation).register(api);
        new PortsRoutes(simulation).register(api);
        new SecurityGroupsRoutes(simulation).register(api);
        new QuotasRoutes(simulation).register(api);
    }

    /** The routes this API serves, as {@code METHOD /path}. */
    public java.util.List<String> routes() {
        return api.routes();
    }

    /**
     * Answers a request under {@code /network}.
     *
     * @return the answer, or null when no route matches
     */
    public ApiResponse handle(Exchange exchange, String[] segments) {
        return api.handle(exchange, segments);
    }

    private static Reply versions(Exchange ctx) {
        Map<String, Object> version = Json.object();
        version.put("id", "v2.0");
        version.put("status", "CURRENT");
        version.put("links", List.of(link(base(ctx) + "/v2.0/")));
        return Reply.ok(Json.object("versions", List.of(version)));
    }

    private static Reply resources(Exchange ctx) {
        List<Object> resources = new ArrayList<>();
        for (String name : List.of("network", "subnet", "port")) {
            Map<String, Object> resource = Json.object();
            resource.put("name", name);
            resource.put("collection", name + "s");
            resource.put("links", List.of(link(base(ctx) + "/v2.0/" + name + "s")));
            resources.add(resource);
        }
        return Reply.ok(Json.object("resources", resources));
    }

    /** No extension is advertised, so every alias is unknown. */
    private static Reply extension(Call call) {
        throw new NeutronError(Refusal.EXTENSION_NOT_FOUND, call.path("alias"));
    }

    private static Map<String, Object> link(String href) {
        Map<String, Object> link = Json.object();
        link.put("href", href);
        link.put("rel", "self");
        return link;
    }

    private static String base(Exchange exchange) {
        return exchange.base() + NetworkApi.PREFIX;
    }
}
