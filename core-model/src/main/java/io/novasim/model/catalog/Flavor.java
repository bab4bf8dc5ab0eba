package io.novasim.model.catalog;

import java.util.Objects;

/** A Nova flavor: the size of a server. */
public record Flavor(String id, String name, int vcpus, int ramMb, int diskGb, int ephemeralGb, int swapMb,
                     boolean isPublic) {
    public Flavor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (vcpus < 1 || ramMb < 1 || diskGb < 0 || ephemeralGb < 0 || swapMb < 0) {
            throw new IllegalArgumentException("flavor " + name + " has a negative or empty size");
        }
    }
}
