package io.novasim.http.compute;

import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;

/**
 * {@code /servers/{id}/os-server-password}: the encrypted password a guest posts to the metadata service. No guest
 * posts one in the simulator, so it is always empty, and clearing it changes nothing (Nova's clear leaves the
 * server's own password alone too).
 */
final class ServerPasswordRoutes {
    private final Simulation simulation;

    ServerPasswordRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        api.route("GET", "/servers/{server_id}/os-server-password", call -> {
            simulation.cloud().server(call.caller(), call.path("server_id"));
            return Reply.ok(Json.object("password", ""));
        });
        api.route("DELETE", "/servers/{server_id}/os-server-password", this::clear);
    }

    private Reply clear(Call call) {
        simulation.cloud().server(call.caller(), call.path("server_id"));
        return Reply.empty(204);
    }
}
