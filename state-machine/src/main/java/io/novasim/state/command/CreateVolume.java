package io.novasim.state.command;

import io.novasim.model.volume.CinderVolume;

import java.util.Map;
import java.util.Objects;

/**
 * Cinder's {@code POST /v3/{project}/volumes}: creating, then available; the caller's user created it.
 *
 * @param description    its description, or {@code null}
 * @param metadata       its metadata
 * @param volumeType     its volume type's name; {@code null} is Cinder's default type, {@link CinderVolume#DEFAULT_TYPE}
 * @param sourceVolumeId the volume it is a clone of, or {@code null} (the clone's size and bootability are given)
 */
public record CreateVolume(String name, int sizeGb, boolean multiattach, boolean bootable, String description,
                           Map<String, String> metadata, String volumeType, String sourceVolumeId)
        implements Command {
    public CreateVolume {
        Objects.requireNonNull(name, "name");
        // A snapshot taken before volumes kept their details has no metadata and no type.
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
        volumeType = volumeType == null ? CinderVolume.DEFAULT_TYPE : volumeType;
    }

    /** A volume of the default type, without description, metadata or source. */
    public CreateVolume(String name, int sizeGb, boolean multiattach, boolean bootable) {
        this(name, sizeGb, multiattach, bootable, null, Map.of(), null, null);
    }

    @Override
    public String serverId() {
        return null;
    }
}
