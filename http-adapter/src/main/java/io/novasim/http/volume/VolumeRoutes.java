package io.novasim.http.volume;

import io.novasim.http.support.Exchange;
import io.novasim.ApiResponse;
import io.novasim.http.Simulation;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The Cinder subset clients need (client-wire-contract.md §3-§6), under {@code /volume}: version discovery without a
 * token ({@code /volume/} answers 300 with the version list as Cinder's root does, {@code /volume/v3/} 200), and the
 * volumes of {@code /volume/v3/{project_id}}.
 */
@Singleton
public final class VolumeRoutes {
    private final VolumeApi api;

    @Inject
    public VolumeRoutes(Simulation simulation) {
        api = new VolumeApi(simulation);
        for (String root : List.of("", "/")) {
            api.open(root, exchange -> Reply.json(300, versions(exchange)));
        }
        for (String v3 : List.of("/v3", "/v3/")) {
            api.open(v3, exchange -> Reply.ok(versions(exchange)));
        }
        new VolumesRoutes(simulation).register(api);
        new QuotasRoutes(simulation).register(api);
    }

    /** The routes this API serves, as {@code METHOD /path}. */
    public java.util.List<String> routes() {
        return api.routes();
    }

    /**
     * Answers a request under {@code /volume}.
     *
     * @return the answer, or null when no route matches
     */
    public ApiResponse handle(Exchange exchange, String[] segments) {
        return api.handle(exchange, segments);
    }

    private static Map<String, Object> versions(Exchange exchange) {
        String base = exchange.base() + VolumeApi.PREFIX;
        Map<String, Object> version = Json.object();
        version.put("id", "v3.0");
        version.put("status", "CURRENT");
        version.put("version", "3." + VolumeApi.MAX_MINOR);
        version.put("min_version", "3.0");
        version.put("updated", "2023-08-31T00:00:00Z");
        version.put("links", List.of(Json.object("rel", "describedby", "type", "text/html",
                        "href", "https://docs.openstack.org/"),
                Json.object("rel", "self", "href", base + "/v3/")));
        version.put("media-types", List.of(Json.object("base", "application/json",
                "type", "application/vnd.openstack.volume+json;version=3")));
        return Json.object("versions", List.of(version));
    }
}
