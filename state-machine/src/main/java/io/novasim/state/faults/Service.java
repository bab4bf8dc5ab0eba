package io.novasim.state.faults;

import java.util.Locale;

/**
 * The OpenStack services a fault rule can aim at, named as their endpoints are ({@code /identity}, {@code /network},
 * {@code /volume}, {@code /image}; Nova's is {@code compute}).
 */
public enum Service {
    COMPUTE("Nova"),
    IDENTITY("Keystone"),
    NETWORK("Neutron"),
    VOLUME("Cinder"),
    IMAGE("Glance");

    private final String project;

    Service(String project) {
        this.project = project;
    }

    /** Its name in the rule language: {@code compute}, {@code volume}... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The OpenStack project that serves it: Nova, Keystone, Neutron, Cinder, Glance. */
    public String project() {
        return project;
    }

    /** The service with this name in the rule language. */
    public static Service named(String name) {
        for (Service service : values()) {
            if (service.jsonName().equals(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no service " + name);
    }

    /** The names the rule language accepts, in order. */
    public static java.util.List<String> names() {
        return java.util.Arrays.stream(values()).map(Service::jsonName).toList();
    }
}
