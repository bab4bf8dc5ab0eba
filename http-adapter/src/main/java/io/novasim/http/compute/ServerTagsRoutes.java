package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Route;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.server.Server;
import io.novasim.state.command.Receipt;
import io.novasim.state.command.UpdateServerTags;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /servers/{server_id}/tags} from 2.26 ({@code nova/api/openstack/compute/server_tags.py}): list, replace all,
 * remove all, check one (204), add one (201 with its location, 204 when it was there) and remove one. Below 2.26 each
 * route is Nova's 404 for a method of another version. The engine keeps the tags and gates each change.
 */
final class ServerTagsRoutes {
    private static final int MAX_TAG_LENGTH = 60;
    private static final int MAX_TAGS = 50;

    private final Simulation simulation;

    ServerTagsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/servers/{server_id}/tags", from26(this::list));
        api.route("PUT", "/servers/{server_id}/tags", from26(this::replace));
        api.route("DELETE", "/servers/{server_id}/tags", from26(this::clear));
        api.route("GET", "/servers/{server_id}/tags/{tag}", from26(this::check));
        api.route("PUT", "/servers/{server_id}/tags/{tag}", from26(this::add));
        api.route("DELETE", "/servers/{server_id}/tags/{tag}", from26(this::remove));
    }

    private static Route from26(Route route) {
        return call -> {
            if (!call.atLeast(26)) {
                throw Refusal.NOT_IN_THIS_VERSION.exception();
            }
            return route.handle(call);
        };
    }

    private Reply list(Call call) {
        Server server = simulation.cloud().server(call.caller(), call.path("server_id"));
        return Reply.ok(Json.object("tags", server.details().tags()));
    }

    private Reply replace(Call call) {
        JsonNode body = call.body();
        Schema.object(body, null);
        List<String> names = body.has("tags") ? tags(body.get("tags")) : null;
        Schema.required(body, null, "tags");
        Schema.onlyKeys(body, null, Set.of("tags"));
        Receipt receipt = simulation.cloud().execute(call.caller(),
                new UpdateServerTags(call.path("server_id"), UpdateServerTags.Change.REPLACE, names),
                call.requestId());
        return Reply.ok(Json.object("tags", receipt.server().details().tags()));
    }

    /** A replace's {@code tags}, in the order of Nova's schema: an array, each item, then at most 50. */
    private static List<String> tags(JsonNode tags) {
        if (!tags.isArray()) {
            throw Schema.fail("tags", tags, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(tags), "'array'"));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            names.add(tag(tags.get(i), String.valueOf(i)));
        }
        if (tags.size() > MAX_TAGS) {
            throw Schema.fail("tags", tags, Refusal.Reason.TOO_LONG.text(Schema.repr(tags)));
        }
        return names;
    }

    /** One item of a replace's {@code tags}, as {@code parameter_types.tag} checks it (the field is its index). */
    private static String tag(JsonNode tag, String field) {
        if (!tag.isTextual()) {
            throw Schema.fail(field, tag, Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(tag), "'string'"));
        }
        String text = tag.textValue();
        if (text.isEmpty()) {
            throw Schema.fail(field, tag, Refusal.Reason.TOO_SHORT.text(Schema.repr(tag)));
        }
        if (text.codePointCount(0, text.length()) > MAX_TAG_LENGTH) {
            throw Schema.fail(field, tag, Refusal.Reason.TOO_LONG.text(Schema.repr(tag)));
        }
        if (text.contains(",") || text.contains("/")) {
            throw Schema.fail(field, tag, Refusal.Reason.NO_MATCH.text(Schema.repr(tag), "^[^,/]*$"));
        }
        return text;
    }

    private Reply clear(Call call) {
        simulation.cloud().execute(call.caller(),
                new UpdateServerTags(call.path("server_id"), UpdateServerTags.Change.CLEAR, List.of()),
                call.requestId());
        return Reply.empty(204);
    }

    private Reply check(Call call) {
        Server server = simulation.cloud().server(call.caller(), call.path("server_id"));
        String tag = call.path("tag");
        if (!server.details().tags().contains(tag)) {
            throw Refusal.SERVER_TAG_NOT_FOUND.exception(server.id(), tag);
        }
        return Reply.empty(204);
    }

    private Reply add(Call call) {
        if (call.body() != null && !call.body().isNull()) {
            // Nova's schema for it is {"type": "null"}
            throw Schema.fail(null, call.body(), Refusal.Reason.NOT_OF_TYPE.text(Schema.repr(call.body()), "'null'"));
        }
        String tag = call.path("tag");
        Receipt receipt = simulation.cloud().execute(call.caller(), UpdateServerTags.add(call.path("server_id"), tag),
                call.requestId());
        if (receipt.unchanged()) {
            return Reply.empty(204);
        }
        String server = Links.of(call, "servers", receipt.server().id()).get(0).get("href").toString();
        return Reply.empty(201).withHeader("Location", server + "/tags/" + tag);
    }

    private Reply remove(Call call) {
        simulation.cloud().execute(call.caller(), UpdateServerTags.remove(call.path("server_id"), call.path("tag")),
                call.requestId());
        return Reply.empty(204);
    }
}
