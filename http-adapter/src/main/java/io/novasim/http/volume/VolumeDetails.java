package io.novasim.http.volume;

import io.novasim.state.Cloud;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Cinder shows of a volume that the engine does not model: who created it, its description, metadata and volume
 * type. Kept per engine, so that a reset (a fresh {@link Cloud}, whose seeded ids repeat) starts with none.
 */
final class VolumeDetails {
    /** The user {@code Simulation} seeds the starting volumes as. */
    static final String SEED_USER = "novasim";
    static final String DEFAULT_TYPE = "__DEFAULT__";

    record Detail(String userId, String description, Map<String, String> metadata, String volumeType,
                  String sourceVolid) {
        Detail {
            metadata = Map.copyOf(metadata);
        }
    }

    private static final Detail SEEDED = new Detail(SEED_USER, null, Map.of(), DEFAULT_TYPE, null);

    private final Map<Cloud, Map<String, Detail>> byCloud = Collections.synchronizedMap(new WeakHashMap<>());

    Detail of(Cloud cloud, String volumeId) {
        return details(cloud).getOrDefault(volumeId, SEEDED);
    }

    void put(Cloud cloud, String volumeId, Detail detail) {
        details(cloud).put(volumeId, detail);
    }

    void remove(Cloud cloud, String volumeId) {
        details(cloud).remove(volumeId);
    }

    private Map<String, Detail> details(Cloud cloud) {
        return byCloud.computeIfAbsent(cloud, c -> new ConcurrentHashMap<>());
    }
}
