package io.novasim.http.compute;

import io.novasim.http.support.Json;
import io.novasim.http.support.Call;

import java.util.List;
import java.util.Map;

/** Nova's {@code links}: a versioned self link and an unversioned bookmark, with the project id when the URL had one. */
final class Links {
    private Links() {
    }

    static List<Map<String, Object>> of(Call call, String collection, String id) {
        return List.of(Json.object("href", call.base() + "/v2.1/" + project(call) + collection + "/" + id,
                "rel", "self"), bookmark(call, collection, id));
    }

    static Map<String, Object> bookmark(Call call, String collection, String id) {
        return Json.object("href", call.base() + "/" + project(call) + collection + "/" + id, "rel", "bookmark");
    }

    static String collection(Call call, String collection) {
        return call.base() + "/v2.1/" + project(call) + collection;
    }

    private static String project(Call call) {
        String project = call.path("project_id");
        return project == null ? "" : project + "/";
    }
}
