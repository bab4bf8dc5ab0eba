package io.novasim.http.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.http.support.Schema;
import io.novasim.model.error.Refusal;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.state.command.AttachVolume;
import io.novasim.state.command.DetachVolume;
import io.novasim.state.command.UpdateVolumeAttachment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /servers/{id}/os-volume_attachments} (nova-semantics.md §4), with the shapes of §4.1 per microversion. */
final class VolumeAttachmentsRoutes {
    private static final String DEVICE = "(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$";

    private final Simulation simulation;

    VolumeAttachmentsRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(ComputeApi api) {
        String base = "/servers/{server_id}/os-volume_attachments";
        api.route("GET", base, this::list);
        api.route("POST", base, this::attach);
        api.route("GET", base + "/{volume_id}", this::show);
        api.route("PUT", base + "/{volume_id}", this::update);
        api.route("DELETE", base + "/{volume_id}", this::detach);
    }

    private Reply list(Call call) {
        List<VolumeAttachment> all = simulation.cloud().volumeAttachments(call.caller(), call.path("server_id"));
        if (call.atLeast(75)) {
            Set<String> unknown = new HashSet<>(call.queryNames());
            unknown.removeAll(Set.of("limit", "offset"));
            if (!unknown.isEmpty()) {
                String parameter = unknown.iterator().next();
                throw Refusal.INVALID_QUERY_PARAMETER.exception(parameter, call.query(parameter),
                        Refusal.Reason.ADDITIONAL_PROPERTY.text("'" + parameter + "'"));
            }
        }
        int offset = number(call, "offset", 0);
        int limit = number(call, "limit", Integer.MAX_VALUE);
        List<Object> views = new ArrayList<>();
        for (int i = offset; i < all.size() && views.size() < limit; i++) {
            views.add(view(call, all.get(i)));
        }
        return Reply.ok(Json.object("volumeAttachments", views));
    }

    private static int number(Call call, String parameter, int otherwise) {
        String text = call.query(parameter);
        if (text == null) {
            return otherwise;
        }
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw Pages.notACount(parameter, text);
        }
    }

    private Reply show(Call call) {
        VolumeAttachment attachment = simulation.cloud().volumeAttachment(call.caller(), call.path("server_id"),
                call.path("volume_id"));
        return Reply.ok(Json.object("volumeAttachment", view(call, attachment)));
    }

    private Reply attach(Call call) {
        JsonNode attachment = Schema.envelope(call.body(), "volumeAttachment");
        Schema.object(attachment, "volumeAttachment");
        Set<String> allowed = new HashSet<>(Set.of("volumeId", "device"));
        if (call.atLeast(49)) {
            allowed.add("tag");
        }
        if (call.atLeast(79)) {
            allowed.add("delete_on_termination");
        }
        Schema.onlyKeys(attachment, "volumeAttachment", allowed);
        Schema.required(attachment, "volumeAttachment", "volumeId");
        String volumeId = Schema.uuid(attachment, "volumeId", false);
        String device = attachment.hasNonNull("device") ? Schema.pattern(attachment, "device", DEVICE, 255) : null;
        String tag = call.atLeast(49) ? Schema.pattern(attachment, "tag", "^[^,/]*$", 60) : null;
        Boolean delete = call.atLeast(79) ? Schema.bool(attachment, "delete_on_termination") : null;
        VolumeAttachment attached = simulation.cloud().execute(call.caller(), new AttachVolume(call.path("server_id"),
                volumeId, device, tag, delete != null && delete, call.microversion().minor()), call.requestId())
                .volumeAttachment();
        // The POST answer keeps "id" and never shows attachment_id / bdm_uuid, even at 2.89 (nova-semantics.md §10).
        Map<String, Object> view = Json.object();
        if (attached.device() != null) {
            view.put("device", attached.device());
        } else {
            view.put("device", null);
        }
        view.put("id", attached.volumeId());
        view.put("serverId", attached.serverId());
        view.put("volumeId", attached.volumeId());
        if (call.atLeast(70)) {
            view.put("tag", attached.tag());
        }
        if (call.atLeast(79)) {
            view.put("delete_on_termination", attached.deleteOnTermination());
        }
        return Reply.ok(Json.object("volumeAttachment", view));
    }

    private Reply update(Call call) {
        JsonNode attachment = Schema.envelope(call.body(), "volumeAttachment");
        Schema.object(attachment, "volumeAttachment");
        boolean inPlace = call.atLeast(85);
        Schema.onlyKeys(attachment, "volumeAttachment", inPlace
                ? Set.of("volumeId", "id", "serverId", "device", "tag", "delete_on_termination")
                : Set.of("volumeId"));
        Schema.required(attachment, "volumeAttachment", "volumeId");
        String newVolumeId = Schema.uuid(attachment, "volumeId", false);
        UpdateVolumeAttachment command = new UpdateVolumeAttachment(call.path("server_id"), call.path("volume_id"),
                newVolumeId, inPlace ? Schema.bool(attachment, "delete_on_termination") : null,
                inPlace ? Schema.string(attachment, "id", false, 0, 255) : null,
                inPlace ? Schema.string(attachment, "serverId", false, 0, 255) : null,
                inPlace ? Schema.string(attachment, "device", true, 0, 255) : null,
                inPlace ? Schema.string(attachment, "tag", true, 0, 60) : null,
                inPlace && attachment.has("tag"), call.microversion().minor());
        simulation.cloud().execute(call.caller(), command, call.requestId());
        return Reply.empty(202);
    }

    private Reply detach(Call call) {
        simulation.cloud().execute(call.caller(), new DetachVolume(call.path("server_id"), call.path("volume_id"),
                call.microversion().minor()), call.requestId());
        return Reply.empty(202);
    }

    static Map<String, Object> view(Call call, VolumeAttachment attachment) {
        Map<String, Object> view = Json.object();
        if (call.atLeast(89)) {
            view.put("attachment_id", attachment.attachmentId());
            view.put("bdm_uuid", attachment.bdmUuid());
        }
        if (call.atLeast(79)) {
            view.put("delete_on_termination", attachment.deleteOnTermination());
        }
        if (attachment.device() != null) {
            view.put("device", attachment.device());
        }
        if (!call.atLeast(89)) {
            view.put("id", attachment.volumeId());
        }
        view.put("serverId", attachment.serverId());
        if (call.atLeast(70)) {
            view.put("tag", attachment.tag());
        }
        view.put("volumeId", attachment.volumeId());
        return view;
    }
}
