package io.novasim.http.compute;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API keeps of a server beyond the core's model: fields that only echo what the client sent (key name, user
 * data, description, tags, disk config). They change nothing in the simulation, so they stay out of the core.
 */
@Singleton
public final class ServerDetails {
    /** The echoed fields of one server. */
    public record Extra(String keyName, String userData, String description, List<String> tags, String diskConfig) {
        static final Extra NONE = new Extra(null, null, null, List.of(), "MANUAL");

        public Extra {
            tags = List.copyOf(tags);
        }

        Extra withDescription(String newDescription) {
            return new Extra(keyName, userData, newDescription, tags, diskConfig);
        }
    }

    private final Map<String, Extra> extras = new ConcurrentHashMap<>();

    @Inject
    public ServerDetails() {
    }

    public Extra of(String serverId) {
        return extras.getOrDefault(serverId, Extra.NONE);
    }

    void put(String serverId, Extra extra) {
        extras.put(serverId, extra);
    }

    /** Forgets servers that no longer exist. */
    void retain(java.util.Set<String> live) {
        extras.keySet().retainAll(live);
    }

    public void clear() {
        extras.clear();
    }
}
