package io.novasim.model.volume;

import java.time.Instant;
import java.util.Objects;

/**
 * A volume attached to a server: Nova's block device mapping together with its Cinder attachment.
 *
 * @param bdmUuid      the block device mapping's uuid (shown from microversion 2.89)
 * @param attachmentId the Cinder attachment's id (shown from microversion 2.89)
 * @param device       the device name reserved for it, or {@code null} (a shelved-offloaded server has none)
 * @param root         whether the server boots from it
 */
public record VolumeAttachment(String bdmUuid, String attachmentId, String serverId, String volumeId, String device,
                               String tag, boolean deleteOnTermination, boolean root, AttachStatus status,
                               Instant created) {
    public VolumeAttachment {
        Objects.requireNonNull(bdmUuid, "bdmUuid");
        Objects.requireNonNull(attachmentId, "attachmentId");
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
    }

    public VolumeAttachment withStatus(AttachStatus newStatus) {
        return new VolumeAttachment(bdmUuid, attachmentId, serverId, volumeId, device, tag, deleteOnTermination, root,
                newStatus, created);
    }

    public VolumeAttachment withVolume(String newVolumeId, String newAttachmentId) {
        return new VolumeAttachment(bdmUuid, newAttachmentId, serverId, newVolumeId, device, tag,
                deleteOnTermination, root, status, created);
    }

    public VolumeAttachment withDeleteOnTermination(boolean delete) {
        return new VolumeAttachment(bdmUuid, attachmentId, serverId, volumeId, device, tag, delete, root, status,
                created);
    }
}
