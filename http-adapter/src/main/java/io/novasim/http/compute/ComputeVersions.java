package io.novasim.http.compute;

import io.novasim.ApiResponse;
import io.novasim.http.support.Exchange;
import io.novasim.http.support.Json;
import io.novasim.http.support.Microversion;
import io.novasim.http.support.Replies;
import io.novasim.http.support.Reply;

import java.util.List;
import java.util.Map;

/**
 * Version discovery (nova-semantics.md §1.5), without authentication: {@code GET /} lists v2.0 and v2.1,
 * {@code GET /v2.1/} (and the catalog URL {@code /v2.1/{project_id}}, which the {@code nova} CLI reads with its token)
 * shows v2.1 with its minimum and maximum microversion; {@code /v2.1} redirects to {@code /v2.1/}.
 */
final class ComputeVersions {
    private ComputeVersions() {
    }

    /** {@code GET /}: the versions of the compute API. */
    static ApiResponse root(Exchange exchange) {
        String base = exchange.base();
        Map<String, Object> v20 = Json.object();
        v20.put("id", "v2.0");
        v20.put("status", "SUPPORTED");
        v20.put("version", "");
        v20.put("min_version", "");
        v20.put("updated", "2011-01-21T11:33:21Z");
        v20.put("links", List.of(Json.object("rel", "self", "href", base + "/v2/")));
        Map<String, Object> v21 = version(base, false);
        return Replies.render(exchange, Reply.ok(Json.object("versions", List.of(v20, v21))), ComputeApi.JSON);
    }

    static ApiResponse current(Exchange exchange) {
        exchange.header("OpenStack-API-Version", "compute 2.1");
        exchange.header("X-OpenStack-Nova-API-Version", "2.1");
        exchange.header("Vary", "OpenStack-API-Version");
        exchange.header("Vary", "X-OpenStack-Nova-API-Version");
        return Replies.render(exchange, Reply.ok(Json.object("version", version(exchange.base(), true))),
                ComputeApi.JSON);
    }

    private static Map<String, Object> version(String base, boolean full) {
        Map<String, Object> v21 = Json.object();
        v21.put("id", "v2.1");
        v21.put("status", "CURRENT");
        v21.put("version", "2." + Microversion.MAX);
        v21.put("min_version", "2." + Microversion.MIN);
        v21.put("updated", "2013-07-23T11:33:21Z");
        if (full) {
            v21.put("links", List.of(Json.object("rel", "self", "href", base + "/v2.1/"),
                    Json.object("rel", "describedby", "type", "text/html", "href", "http://docs.openstack.org/")));
            v21.put("media-types", List.of(Json.object("base", "application/json",
                    "type", "application/vnd.openstack.compute+json;version=2.1")));
        } else {
            v21.put("links", List.of(Json.object("rel", "self", "href", base + "/v2.1/")));
        }
        return v21;
    }
}
