package io.novasim.http.volume;

import io.novasim.http.support.Json;
import io.novasim.model.volume.AttachStatus;
import io.novasim.model.volume.CinderVolume;
import io.novasim.model.volume.VolumeAttachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Volumes in Cinder's shapes: the summary of {@code GET /volumes} and the detail of every other call, with the fields
 * tempest's schema requires and the ones later microversions add. Admin-only attributes
 * ({@code os-vol-tenant-attr:tenant_id} and the like) go to admins only: tempest rejects them for anyone else.
 */
final class VolumeViews {
    private static final String HOST = "novasim@lvmdriver-1#lvmdriver-1";

    private VolumeViews() {
    }

    static Map<String, Object> summary(CinderVolume volume, String base) {
        Map<String, Object> view = Json.object();
        view.put("id", volume.id());
        view.put("links", links(volume, base));
        view.put("name", volume.name());
        return view;
    }

    /**
     * @param attachments the volume's attachments; only the attached ones are shown, as Cinder lists them (a
     *                    reserved, attaching or detaching attachment is not)
     * @param minor       the volume microversion's minor number
     */
    static Map<String, Object> detail(CinderVolume volume, List<VolumeAttachment> attachments, String base, boolean admin,
                                      int minor) {
        Map<String, Object> view = Json.object();
        view.put("id", volume.id());
        view.put("name", volume.name());
        view.put("status", volume.status().value());
        view.put("size", volume.sizeGb());
        view.put("availability_zone", volume.availabilityZone());
        view.put("created_at", Json.micros(volume.created()));
        view.put("updated_at", Json.micros(volume.updated()));
        view.put("attachments", attachments(attachments));
        view.put("description", volume.description());
        view.put("volume_type", volume.volumeType());
        view.put("snapshot_id", null);
        view.put("source_volid", volume.sourceVolumeId());
        view.put("metadata", volume.metadata());
        view.put("links", links(volume, base));
        view.put("user_id", volume.userId());
        view.put("bootable", String.valueOf(volume.bootable()));
        view.put("encrypted", false);
        view.put("replication_status", null);
        view.put("consistencygroup_id", null);
        view.put("multiattach", volume.multiattach());
        if (minor >= 13) {
            view.put("group_id", null);
        }
        if (minor >= 48) {
            view.put("service_uuid", stableId("cinder-volume@" + HOST));
            view.put("shared_targets", false);
        }
        if (minor >= 63) {
            view.put("volume_type_id", stableId(volume.volumeType()));
        }
        if (minor >= 65) {
            view.put("consumes_quota", true);
        }
        if (admin) {
            view.put("os-vol-tenant-attr:tenant_id", volume.projectId());
            view.put("os-vol-host-attr:host", HOST);
            view.put("os-vol-mig-status-attr:migstat", null);
            view.put("os-vol-mig-status-attr:name_id", null);
        }
        return view;
    }

    private static List<Object> attachments(List<VolumeAttachment> attachments) {
        List<Object> views = new ArrayList<>();
        for (VolumeAttachment attachment : attachments) {
            if (attachment.status() != AttachStatus.ATTACHED) {
                continue;
            }
            Map<String, Object> view = Json.object();
            view.put("id", attachment.volumeId());
            view.put("attachment_id", attachment.attachmentId());
            view.put("volume_id", attachment.volumeId());
            view.put("server_id", attachment.serverId());
            view.put("host_name", null);
            view.put("device", attachment.device());
            view.put("attached_at", Json.micros(attachment.created()));
            views.add(view);
        }
        return views;
    }

    /** A stable id for a thing the simulator names but does not model (volume types, the volume service). */
    private static String stableId(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static List<Object> links(CinderVolume volume, String base) {
        String path = "/volumes/" + volume.id();
        return List.of(link("self", base + VolumeApi.PREFIX + "/v3/" + volume.projectId() + path),
                link("bookmark", base + VolumeApi.PREFIX + "/" + volume.projectId() + path));
    }

    private static Map<String, Object> link(String rel, String href) {
        Map<String, Object> link = Json.object();
        link.put("href", href);
        link.put("rel", rel);
        return link;
    }
}
