package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.keypair.Keypair;
import io.novasim.state.command.CreateKeypair;
import io.novasim.state.command.DeleteKeypair;
import io.novasim.state.command.Receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /os-keypairs}: per user; 2.2 adds {@code type} and answers create 201 and delete 204. */
final class KeypairsRoutes {
    private final Simulation simulation;

    KeypairsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/os-keypairs", this::list);
        api.route("POST", "/os-keypairs", this::create);
        api.route("GET", "/os-keypairs/{name}", this::show);
        api.route("DELETE", "/os-keypairs/{name}", this::delete);
    }

    private Reply list(Call call) {
        List<Object> views = new ArrayList<>();
        for (Keypair keypair : simulation.cloud().keypairs(call.caller())) {
            Map<String, Object> view = Json.object();
            view.put("fingerprint", keypair.fingerprint());
            view.put("name", keypair.name());
            view.put("public_key", keypair.publicKey());
            if (call.atLeast(2)) {
                view.put("type", keypair.type());
            }
            views.add(Json.object("keypair", view));
        }
        return Reply.ok(Json.object("keypairs", views));
    }

    private Reply create(Call call) {
        JsonNode keypair = Schema.envelope(call.body(), "keypair");
        Schema.object(keypair, "keypair");
        Schema.onlyKeys(keypair, "keypair", call.atLeast(2) ? Set.of("name", "public_key", "type", "user_id")
                : Set.of("name", "public_key"));
        Schema.required(keypair, "keypair", "name");
        if (call.atLeast(92)) {
            Schema.required(keypair, "keypair", "public_key"); // 2.92: Nova no longer generates keys
        }
        String name = Schema.pattern(keypair, "name", "^[a-zA-Z0-9 _.@-]+$", 255);
        String type = call.atLeast(2) && keypair.has("type")
                ? Schema.oneOf(keypair, "type", List.of("ssh", "x509")) : "ssh";
        Receipt receipt = simulation.cloud().execute(call.caller(), new CreateKeypair(name,
                Schema.string(keypair, "public_key", false, 1, 65535), type), call.requestId());
        Keypair created = receipt.keypair();
        Map<String, Object> view = Json.object();
        view.put("fingerprint", created.fingerprint());
        view.put("name", created.name());
        if (receipt.privateKey() != null) {
            view.put("private_key", receipt.privateKey());
        }
        view.put("public_key", created.publicKey());
        if (call.atLeast(2)) {
            view.put("type", created.type());
        }
        view.put("user_id", created.userId());
        return Reply.json(call.atLeast(2) ? 201 : 200, Json.object("keypair", view));
    }

    private Reply show(Call call) {
        Keypair keypair = simulation.cloud().keypair(call.caller(), call.path("name"));
        Map<String, Object> view = Json.object();
        view.put("created_at", Json.micros(keypair.created()));
        view.put("deleted", false);
        view.put("deleted_at", null);
        view.put("fingerprint", keypair.fingerprint());
        view.put("id", Math.abs(keypair.name().hashCode()) % 100000);
        view.put("name", keypair.name());
        view.put("public_key", keypair.publicKey());
        if (call.atLeast(2)) {
            view.put("type", keypair.type());
        }
        view.put("updated_at", null);
        view.put("user_id", keypair.userId());
        return Reply.ok(Json.object("keypair", view));
    }

    private Reply delete(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteKeypair(call.path("name")), call.requestId());
        return Reply.empty(call.atLeast(2) ? 204 : 202);
    }
}
