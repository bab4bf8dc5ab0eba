package io.novasim.state.explore;

import io.novasim.state.Cloud;
import io.novasim.state.command.Caller;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where an exploration starts, and what its steps act on. {@code start} must make the same cloud every time (a fresh
 * engine of the same seed, brought to the start by the same commands): an exploration reaches each state again by
 * replaying the steps that led to it.
 *
 * @param start   makes the start cloud, afresh on every call
 * @param caller  who sends the calls: the servers' owner
 * @param servers the servers steps act on, id to name, in order
 * @param ports   the ports interface steps attach and detach, id to name
 * @param volumes the volumes volume steps attach and detach, id to name
 * @param media   the images media steps attach and detach, id to name
 */
public record ExploreWorld(Supplier<Cloud> start, Caller caller, Map<String, String> servers,
                           Map<String, String> ports, Map<String, String> volumes, Map<String, String> media) {
    public ExploreWorld {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(caller, "caller");
        servers = Collections.unmodifiableMap(new LinkedHashMap<>(servers));
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
        volumes = Collections.unmodifiableMap(new LinkedHashMap<>(volumes));
        media = Collections.unmodifiableMap(new LinkedHashMap<>(media));
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("an exploration needs at least one server");
        }
    }

    /** Every resource's name by id: servers, ports, volumes and media. */
    Map<String, String> names() {
        Map<String, String> names = new java.util.HashMap<>();
        for (Map<String, String> kind : java.util.List.of(media, volumes, ports, servers)) {
            names.putAll(kind);
        }
        return names;
    }
}
