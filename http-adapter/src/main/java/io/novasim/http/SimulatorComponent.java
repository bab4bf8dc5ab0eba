package io.novasim.http;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wires one simulator from its settings. Internal: embedders use {@code io.novasim.NovaSimulator}. */
@Singleton
@Component
public interface SimulatorComponent {
    Api api();

    Simulation simulation();

    @Component.Factory
    interface Factory {
        SimulatorComponent create(@BindsInstance io.novasim.SimulatorSettings settings);
    }

    static SimulatorComponent of(io.novasim.SimulatorSettings settings) {
        return DaggerSimulatorComponent.factory().create(settings);
    }
}
