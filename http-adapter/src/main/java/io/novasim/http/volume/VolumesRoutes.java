package io.novasim.http.volume;

import io.novasim.http.Simulation;
import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.http.support.Reply;
import io.novasim.model.error.Refusal;
import io.novasim.model.error.ItemNotFound;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.model.volume.CinderVolume;
import io.novasim.state.Cloud;
import io.novasim.state.command.CreateVolume;
import io.novasim.state.command.DeleteVolume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /volumes}: create (202, creating then available), list, list in detail, show, delete (202; 400 while
 * attached or busy). Lists are newest first and show the caller's project only, every project for an admin who
 * asks {@code all_tenants}; {@code name} and {@code status} filter exactly, {@code limit} and {@code marker} page.
 */
final class VolumesRoutes {
    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on", "t", "y");

    private final Simulation simulation;

    VolumesRoutes(Simulation simulation) {
        this.simulation = simulation;
    }

    void register(VolumeApi api) {
        api.route("POST", "/volumes", "create_volume", this::create);
        api.route("GET", "/volumes", "get_volumes", call -> list(call, false));
        api.route("GET", "/volumes/detail", "get_volumes_detail", call -> list(call, true));
        api.route("GET", "/volumes/{volume_id}", "get_volume", this::show);
        api.route("DELETE", "/volumes/{volume_id}", "delete_volume", this::delete);
    }

    private Reply create(Call call) {
        Cloud cloud = simulation.cloud();
        CreateVolume command = VolumeRequest.parse(call.body(), cloud, call.caller());
        CinderVolume volume = cloud.execute(call.caller(), command, call.requestId()).volume();
        return Reply.json(202, Json.object("volume", detail(call, volume, List.of())));
    }

    private Reply show(Call call) {
        Cloud cloud = simulation.cloud();
        CinderVolume volume = cloud.volume(call.caller(), call.path("volume_id"));
        List<VolumeAttachment> attachments = cloud.attachmentsOfVolume(call.caller(), volume.id());
        return Reply.ok(Json.object("volume", detail(call, volume, attachments)));
    }

    private Reply delete(Call call) {
        simulation.cloud().execute(call.caller(), new DeleteVolume(call.path("volume_id")), call.requestId());
        return Reply.empty(202);
    }

    private Reply list(Call call, boolean detailed) {
        Cloud cloud = simulation.cloud();
        boolean allTenants = call.caller().admin() && call.query("all_tenants") != null
                && TRUE.contains(call.query("all_tenants").toLowerCase(java.util.Locale.ROOT));
        List<CinderVolume> matching = new ArrayList<>();
        for (CinderVolume volume : cloud.volumes(call.caller())) {
            if ((allTenants || volume.projectId().equals(call.caller().projectId()))
                    && matches(call, "name", volume.name()) && matches(call, "status", volume.status().value())) {
                matching.add(volume);
            }
        }
        Collections.reverse(matching); // Cinder's default order: created_at descending
        int from = start(call, matching);
        List<CinderVolume> page = matching.subList(from, from + Math.min(matching.size() - from,
                limit(call, matching.size())));
        List<Object> views = new ArrayList<>();
        for (CinderVolume volume : page) {
            if (!detailed) {
                views.add(VolumeViews.summary(volume, call.base()));
                continue;
            }
            try {
                views.add(detail(call, volume, cloud.attachmentsOfVolume(call.caller(), volume.id())));
            } catch (ItemNotFound deletedMeanwhile) {
                // the clock moved between the two reads and the volume's deletion completed
            }
        }
        Map<String, Object> body = Json.object("volumes", views);
        if (from + page.size() < matching.size() && !page.isEmpty()) {
            String href = call.base() + call.requestPath() + "?limit=" + call.query("limit") + "&marker="
                    + page.get(page.size() - 1).id();
            body.put("volumes_links", List.of(Json.object("href", href, "rel", "next")));
        }
        return Reply.ok(body);
    }

    private static boolean matches(Call call, String filter, String value) {
        String wanted = call.query(filter);
        return wanted == null || wanted.equals(value);
    }

    /** Where the page starts: after {@code marker}, or at the first volume. */
    private static int start(Call call, List<CinderVolume> volumes) {
        String marker = call.query("marker");
        if (marker == null) {
            return 0;
        }
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).id().equals(marker)) {
                return i + 1;
            }
        }
        throw Refusal.MARKER_NOT_FOUND.exception(marker);
    }

    private static int limit(Call call, int otherwise) {
        String text = call.query("limit");
        if (text == null) {
            return otherwise;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw Refusal.VOLUME_LIMIT_INVALID.exception();
    }

    private static Map<String, Object> detail(Call call, CinderVolume volume, List<VolumeAttachment> attachments) {
        return VolumeViews.detail(volume, attachments, call.base(), call.caller().admin(), minor(call));
    }

    /** The minor number of the volume microversion the pipeline accepted. */
    private static int minor(Call call) {
        String version = VolumeApi.negotiate(call.header("OpenStack-API-Version"));
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }
}
