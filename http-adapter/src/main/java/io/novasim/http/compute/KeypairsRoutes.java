package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Conflict;
import io.novasim.model.error.ItemNotFound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /os-keypairs}: per user; 2.2 adds {@code type} and answers create 201 and delete 204. */
@Singleton
public final class KeypairsRoutes {
    private final Simulation simulation;
    private final Keypairs keypairs;

    @Inject
    public KeypairsRoutes(Simulation simulation, Keypairs keypairs) {
        this.simulation = simulation;
        this.keypairs = keypairs;
    }

    void register(ComputeApi api) {
        api.route("GET", "/os-keypairs", this::list);
        api.route("POST", "/os-keypairs", this::create);
        api.route("GET", "/os-keypairs/{name}", this::show);
        api.route("DELETE", "/os-keypairs/{name}", this::delete);
    }

    private Reply list(Call call) {
        List<Object> views = new ArrayList<>();
        for (Keypairs.Keypair keypair : keypairs.of(call.caller().userId())) {
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
        String userId = call.caller().userId();
        if (keypairs.find(userId, name).isPresent()) {
            throw new Conflict("Key pair '" + name + "' already exists.");
        }
        String privateKey = keypairs.add(userId, name, Schema.string(keypair, "public_key", false, 1, 65535), type,
                simulation.now());
        Keypairs.Keypair created = keypairs.find(userId, name).orElseThrow();
        Map<String, Object> view = Json.object();
        view.put("fingerprint", created.fingerprint());
        view.put("name", created.name());
        if (privateKey != null) {
            view.put("private_key", privateKey);
        }
        view.put("public_key", created.publicKey());
        if (call.atLeast(2)) {
            view.put("type", created.type());
        }
        view.put("user_id", userId);
        return Reply.json(call.atLeast(2) ? 201 : 200, Json.object("keypair", view));
    }

    private Reply show(Call call) {
        Keypairs.Keypair keypair = find(call);
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
        Keypairs.Keypair keypair = find(call);
        keypairs.remove(keypair.userId(), keypair.name());
        return Reply.empty(call.atLeast(2) ? 204 : 202);
    }

    private Keypairs.Keypair find(Call call) {
        String name = call.path("name");
        String userId = call.caller().userId();
        return keypairs.find(userId, name).orElseThrow(() ->
                new ItemNotFound("Keypair " + name + " not found for user " + userId));
    }
}
