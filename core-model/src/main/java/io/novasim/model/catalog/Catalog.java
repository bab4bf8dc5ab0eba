package io.novasim.model.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The fixed furniture of a simulated cloud: projects, users, flavors and images, looked up by id. */
public final class Catalog {
    private final Map<String, Project> projects;
    private final Map<String, User> users;
    private final Map<String, Flavor> flavors;
    private final Map<String, Image> images;

    public Catalog(List<Project> projects, List<User> users, List<Flavor> flavors, List<Image> images) {
        this.projects = index(projects, Project::id, "project");
        this.users = index(users, User::id, "user");
        this.flavors = index(flavors, Flavor::id, "flavor");
        this.images = index(images, Image::id, "image");
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id, String kind) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T item : items) {
            if (byId.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate " + kind + " id " + id.apply(item));
            }
        }
        return java.util.Collections.unmodifiableMap(byId);
    }

    public Optional<Project> project(String id) {
        return Optional.ofNullable(projects.get(id));
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    public Optional<Flavor> flavor(String id) {
        return Optional.ofNullable(flavors.get(id));
    }

    public Optional<Image> image(String id) {
        return Optional.ofNullable(images.get(id));
    }

    public List<Project> projects() {
        return List.copyOf(projects.values());
    }

    public List<User> users() {
        return List.copyOf(users.values());
    }

    public List<Flavor> flavors() {
        return List.copyOf(flavors.values());
    }

    public List<Image> images() {
        return List.copyOf(images.values());
    }
}
