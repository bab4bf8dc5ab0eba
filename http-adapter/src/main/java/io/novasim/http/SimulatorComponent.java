package io.novasim.http;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;

/** Wires one simulator from its settings. Internal: embedders use {@code io.novasim.NovaSimulator}. */
@Singleton
@Component
public interface SimulatorComponent {
    HttpApp app();

    Simulation simulation();

    io.novasim.http.control.SimulationControl control();

    @Component.Factory
    interface Factory {
        SimulatorComponent create(@BindsInstance SimulatorSettings settings);
    }

    static SimulatorComponent of(SimulatorSettings settings) {
        return DaggerSimulatorComponent.factory().create(settings);
    }
}
