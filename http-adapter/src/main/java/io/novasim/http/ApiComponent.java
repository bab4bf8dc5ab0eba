package io.novasim.http;

import dagger.BindsInstance;
import dagger.Component;
import io.novasim.SimulatorSettings;
import jakarta.inject.Singleton;

/**
 * Wires one simulator's APIs and running simulation from its settings (Dagger). Internal: embedders use
 * {@code io.novasim.NovaSimulator}.
 */
@Singleton
@Component
public interface ApiComponent {
    /** @return the one entry to every API */
    Api api();

    /** @return the running simulation, which is also the simulator's control */
    Simulation simulation();

    /** @return the console's live feed, which the HTTP transport serves */
    io.novasim.http.console.ConsoleStream consoleStream();

    @Component.Factory
    interface Factory {
        ApiComponent create(@BindsInstance SimulatorSettings settings);
    }

    static ApiComponent of(SimulatorSettings settings) {
        return DaggerApiComponent.factory().create(settings);
    }
}
