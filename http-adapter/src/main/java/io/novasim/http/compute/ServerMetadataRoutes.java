package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.Server;
import io.novasim.state.command.DeleteServerMetadata;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.SetServerMetadata;

import java.util.Map;
import java.util.Set;

/**
 * {@code /servers/{server_id}/metadata} ({@code nova/api/openstack/compute/server_metadata.py}): list, merge (POST,
 * answered 200 as Nova does), replace all (PUT), show, set and delete one item. The engine keeps the metadata and gates
 * each change.
 */
final class ServerMetadataRoutes {
    private final Simulation simulation;

    ServerMetadataRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/servers/{server_id}/metadata", this::list);
        api.route("POST", "/servers/{server_id}/metadata", call -> set(call, false));
        api.route("PUT", "/servers/{server_id}/metadata", call -> set(call, true));
        api.route("GET", "/servers/{server_id}/metadata/{key}", this::show);
        api.route("PUT", "/servers/{server_id}/metadata/{key}", this::setOne);
        api.route("DELETE", "/servers/{server_id}/metadata/{key}", this::delete);
    }

    private Reply list(Call call) {
        Server server = simulation.cloud().server(call.caller(), call.path("server_id"));
        return Reply.ok(Json.object("metadata", server.metadata()));
    }

    private Reply set(Call call, boolean replace) {
        Map<String, String> items = body(call, "metadata", 0, Integer.MAX_VALUE);
        Receipt receipt = simulation.cloud().execute(call.caller(),
                new SetServerMetadata(call.path("server_id"), items, replace), call.requestId());
        return Reply.ok(Json.object("metadata", receipt.server().metadata()));
    }

    private Reply show(Call call) {
        Server server = simulation.cloud().server(call.caller(), call.path("server_id"));
        String key = call.path("key");
        String value = server.metadata().get(key);
        if (value == null) {
            throw Refusal.METADATA_ITEM_NOT_FOUND.exception();
        }
        return Reply.ok(Json.object("meta", Json.object(key, value)));
    }

    private Reply setOne(Call call) {
        Map<String, String> item = body(call, "meta", 1, 1);
        simulation.cloud().server(call.caller(), call.path("server_id")); // Nova looks the server up first
        if (!item.containsKey(call.path("key"))) {
            throw Refusal.METADATA_URI_MISMATCH.exception();
        }
        simulation.cloud().execute(call.caller(), new SetServerMetadata(call.path("server_id"), item, false),
                call.requestId());
        return Reply.ok(Json.object("meta", item));
    }

    private Reply delete(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteServerMetadata(call.path("server_id"), call.path("key")),
                call.requestId());
        return Reply.empty(204);
    }

    /**
     * The items under {@code key}, checked in the order of Nova's schema: the body an object, its {@code key} as
     * {@link MetadataSchema}, then {@code key} required, then no other property.
     */
    private static Map<String, String> body(Call call, String key, int minProperties, int maxProperties) {
        JsonNode body = call.body();
        Schema.object(body, null);
        Map<String, String> items = body.has(key)
                ? MetadataSchema.items(body.get(key), key, minProperties, maxProperties) : null;
        Schema.required(body, null, key);
        Schema.onlyKeys(body, null, Set.of(key));
        return items;
    }
}
