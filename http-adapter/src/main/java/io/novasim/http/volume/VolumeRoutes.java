package io.novasim.http.volume;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The Cinder subset clients need. */
@Singleton
public final class VolumeRoutes {
    private final Simulation simulation;

    @Inject
    public VolumeRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    public void register(JavalinDefaultRoutingApi<?> router) {
    }
}
