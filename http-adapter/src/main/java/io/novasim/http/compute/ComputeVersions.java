package io.novasim.http.compute;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.support.Json;
import io.novasim.http.support.Microversion;

import java.util.List;
import java.util.Map;

/**
 * Version discovery (nova-semantics.md §1.5), without authentication: {@code GET /} lists v2.0 and v2.1,
 * {@code GET /v2.1/} (and the catalog URL {@code /v2.1/{project_id}}, which the {@code nova} CLI reads with its token)
 * shows v2.1 with its minimum and maximum microversion; {@code /v2.1} redirects to {@code /v2.1/}.
 */
public final class ComputeVersions {
    private ComputeVersions() {
    }

    /** The unversioned root; {@code /v2.1/...} version documents come through {@link ComputeApi}'s router. */
    public static void register(JavalinDefaultRoutingApi<?> router) {
        router.get("/", ComputeVersions::root);
    }

    private static void root(Context ctx) {
        String base = ctx.scheme() + "://" + ctx.host();
        Map<String, Object> v20 = Json.object();
        v20.put("id", "v2.0");
        v20.put("status", "SUPPORTED");
        v20.put("version", "");
        v20.put("min_version", "");
        v20.put("updated", "2011-01-21T11:33:21Z");
        v20.put("links", List.of(Json.object("rel", "self", "href", base + "/v2/")));
        Map<String, Object> v21 = version(base, false);
        ctx.contentType("application/json").result(Json.write(Json.object("versions", List.of(v20, v21))));
    }

    static void current(Context ctx) {
        String base = ctx.scheme() + "://" + ctx.host();
        String version = "2." + Microversion.MAX;
        ctx.header("OpenStack-API-Version", "compute 2.1");
        ctx.header("X-OpenStack-Nova-API-Version", "2.1");
        ctx.res().addHeader("Vary", "OpenStack-API-Version");
        ctx.res().addHeader("Vary", "X-OpenStack-Nova-API-Version");
        ctx.contentType("application/json").result(Json.write(Json.object("version", version(base, true))));
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
