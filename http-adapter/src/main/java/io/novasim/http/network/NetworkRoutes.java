package io.novasim.http.network;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The Neutron subset clients need. */
@Singleton
public final class NetworkRoutes {
    private final Simulation simulation;

    @Inject
    public NetworkRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    public void register(JavalinDefaultRoutingApi<?> router) {
    }
}
