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
    /**
     * The echoed fields of one server, and where it stands in its create request.
     *
     * @param reservationId the create request's reservation ({@code r-...}), shared by a multi-create's servers; null
     *                      when unknown (the view derives one from the server's id)
     * @param launchIndex   its place among a multi-create's servers, from 0
     * @param hostname      set at create (given from 2.90, else made from the name) and by an update from 2.90; a
     *                      rename keeps it, as Nova's does. Null when unknown (the view makes one from the name)
     */
    public record Extra(String keyName, String userData, String description, List<String> tags, String diskConfig,
                        String reservationId, int launchIndex, String hostname) {
        static final Extra NONE = new Extra(null, null, null, List.of(), "MANUAL", null, 0, null);

        public Extra {
            tags = List.copyOf(tags);
        }

        /** The reservation of the server with this id: the one kept, else the one its id makes. */
        String reservation(String serverId) {
            return reservationId != null ? reservationId : reservationOf(serverId);
        }

        Extra withDescription(String newDescription) {
            return new Extra(keyName, userData, newDescription, tags, diskConfig, reservationId, launchIndex,
                    hostname);
        }

        Extra withHostname(String newHostname) {
            return new Extra(keyName, userData, description, tags, diskConfig, reservationId, launchIndex,
                    newHostname);
        }
    }

    private final Map<String, Extra> extras = new ConcurrentHashMap<>();

    /** A create request's reservation, made from its (first) server's id: {@code r-} and 8 characters, as Nova's. */
    static String reservationOf(String serverId) {
        return "r-" + serverId.substring(0, 8);
    }

    @Inject
    public ServerDetails(io.novasim.http.Simulation simulation) {
        simulation.onReset(this::clear);
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
