package io.novasim.http.image;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.novasim.http.Simulation;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The Glance subset clients need. */
@Singleton
public final class ImageRoutes {
    private final Simulation simulation;

    @Inject
    public ImageRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    public void register(JavalinDefaultRoutingApi<?> router) {
    }
}
