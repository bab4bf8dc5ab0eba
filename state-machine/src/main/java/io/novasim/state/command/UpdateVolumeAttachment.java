package io.novasim.state.command;

import java.util.Objects;

/**
 * {@code PUT /servers/{id}/os-volume_attachments/{volume_id}} (nova-semantics.md §4.1). Below microversion 2.85 it is
 * always a swap to {@code newVolumeId}; from 2.85 the same volume id updates {@code deleteOnTermination}, and the
 * other fields, when given ({@code null} when absent), must equal the attachment's.
 */
public record UpdateVolumeAttachment(String serverId, String volumeId, String newVolumeId, Boolean deleteOnTermination,
                                     String id, String serverIdInBody, String device, String tag, boolean tagGiven,
                                     int microversion) implements Command {
    /** The microversion from which a PUT that names the attached volume itself updates it in place (not a swap). */
    public static final int UPDATE_IN_PLACE = 85;

    public UpdateVolumeAttachment {
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(newVolumeId, "newVolumeId");
    }

    public static UpdateVolumeAttachment swap(String serverId, String volumeId, String newVolumeId) {
        return new UpdateVolumeAttachment(serverId, volumeId, newVolumeId, null, null, null, null, null, false, 1);
    }

    public static UpdateVolumeAttachment deleteOnTermination(String serverId, String volumeId, boolean delete) {
        return new UpdateVolumeAttachment(serverId, volumeId, volumeId, delete, null, null, null, null, false, 85);
    }
}
