package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.state.Cloud;
import io.novasim.state.command.RebuildServer;
import io.novasim.state.command.Receipt;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code rebuild} server action: its body checked against the schema of the request's microversion
 * ({@code nova/api/openstack/compute/schemas/servers.py}), and Nova's answer: 202 with the server as the rebuild
 * left it, its {@code adminPass}, from 2.57 its {@code user_data}, and a Location header.
 */
final class RebuildAction {
    private final Simulation simulation;

    RebuildAction(Simulation simulation) {
        this.simulation = simulation;
    }

    Reply rebuild(Call call, String serverId, JsonNode argument) {
        Schema.object(argument, "rebuild");
        Schema.onlyKeys(argument, "rebuild", keys(call));
        Schema.required(argument, "rebuild", "imageRef");
        String imageRef = Schema.uuid(argument, "imageRef", false);
        String name = Schema.string(argument, "name", false, 1, 255);
        String adminPass = Schema.string(argument, "adminPass", false, 0, Integer.MAX_VALUE);
        Map<String, String> metadata = argument.has("metadata")
                ? MetadataSchema.items(argument.get("metadata"), "metadata", 0, Integer.MAX_VALUE) : null;
        Schema.bool(argument, "preserve_ephemeral");
        Schema.oneOf(argument, "OS-DCF:diskConfig", List.of("AUTO", "MANUAL"));
        if (argument.has("accessIPv4")) {
            Schema.ipv4(argument, "accessIPv4");
        }
        Schema.string(argument, "accessIPv6", false, 0, Integer.MAX_VALUE);
        arrayOrNull(argument, "personality", false);
        arrayOrNull(argument, "trusted_image_certificates", true);
        boolean describes = argument.has("description");
        String description = Schema.string(argument, "description", true, 0, 255);
        boolean namesKey = argument.has("key_name");
        String keyName = Schema.string(argument, "key_name", true, 1, 255);
        boolean setsUserData = argument.has("user_data");
        String userData = Schema.string(argument, "user_data", true, 0, 65535);
        String hostname = ServersRoutes.hostname(argument);

        Cloud cloud = simulation.cloud();
        Receipt receipt = cloud.execute(call.caller(), new RebuildServer(serverId, imageRef, adminPass, name,
                description, describes, metadata, keyName, namesKey, userData, setsUserData, hostname,
                call.atLeast(93)), call.requestId());
        Map<String, Object> view = ServerView.full(call, cloud, cloud.readServer(call.caller(), serverId),
                ServerView.Form.REBUILD);
        view.put("adminPass", receipt.adminPass());
        if (call.atLeast(57)) {
            view.put("user_data", receipt.server().details().userData());
        }
        return Reply.json(202, Json.object("server", view))
                .withHeader("Location", Links.of(call, "servers", serverId).get(0).get("href").toString());
    }

    /** The body's keys at the request's microversion: personality until 2.56, then user_data; more from 2.19 on. */
    private static Set<String> keys(Call call) {
        Set<String> keys = new HashSet<>(Set.of("name", "imageRef", "adminPass", "metadata", "preserve_ephemeral",
                "OS-DCF:diskConfig", "accessIPv4", "accessIPv6"));
        if (call.atLeast(19)) {
            keys.add("description");
        }
        if (call.atLeast(54)) {
            keys.add("key_name");
        }
        keys.add(call.atLeast(57) ? "user_data" : "personality");
        if (call.atLeast(63)) {
            keys.add("trusted_image_certificates");
        }
        if (call.atLeast(90)) {
            keys.add("hostname");
        }
        return keys;
    }

    private static void arrayOrNull(JsonNode object, String key, boolean nullable) {
        JsonNode value = object.get(key);
        if (value != null && !value.isArray() && !(nullable && value.isNull())) {
            throw Schema.fail(key, value, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(value),
                    nullable ? "'array', 'null'" : "'array'"));
        }
    }
}
