package io.novasim.http.compute;

import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.model.error.ComputeException;
import io.novasim.model.media.MediaAttachment;
import io.novasim.model.server.PowerState;
import io.novasim.model.server.Server;
import io.novasim.model.server.TaskState;
import io.novasim.model.server.VmState;
import io.novasim.state.Cloud;
import io.novasim.state.ServerReadout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server resource of NTT Enterprise Cloud's bare-metal server API v2 (nova-semantics.md §7.1), made from Nova's
 * view of the same server:
 * <ul>
 *   <li>{@code OS-EXT-STS:power_state} is the state's name ({@code RUNNING}, {@code SHUTDOWN}, {@code CRASHED},
 *   {@code NOSTATE}, ...), not Nova's integer;</li>
 *   <li>{@code OS-EXT-STS:vm_state} is upper case, {@code building} being {@code BUILD};</li>
 *   <li>{@code OS-EXT-STS:task_state} is upper case, the build steps being {@code BUILDING}, powering off and on
 *   {@code STOPPING} and {@code STARTING}, every reboot {@code REBOOTING}; idle is the <em>string</em> {@code "None"},
 *   as the cloud's SDK fixtures serialise it (not JSON null);</li>
 *   <li>{@code media_attachments} lists every medium the engine lists on the server, whatever its status: one being
 *   attached shows from the accepted {@code media-attach} on, and one being detached until the detach completes
 *   (the task_state, {@code MEDIA_ATTACHING} or {@code MEDIA_DETACHING}, tells the two apart meanwhile);</li>
 *   <li>the hardware keys {@code raid_arrays}, {@code lvm_volume_groups}, {@code filesystems},
 *   {@code nic_physical_ports} (empty), {@code chassis-status} (every part healthy, the chassis powered while the
 *   server runs) and {@code managed_by_service} (false);</li>
 *   <li>links point under the dialect's mount, {@code /ecl/baremetal/v2/{tenant_id}}.</li>
 * </ul>
 */
final class BaremetalServerShape implements DialectServerShape {
    static final String MOUNT = "/ecl/baremetal/v2";

    @Override
    public Map<String, Object> shape(Call call, Cloud cloud, ServerReadout readout, Map<String, Object> novaView) {
        Server server = readout.server();
        Map<String, Object> view = Json.object();
        novaView.forEach((key, value) -> view.put(key, switch (key) {
            case "OS-EXT-STS:power_state" -> powerState(server.powerState());
            case "OS-EXT-STS:vm_state" -> vmState(server.vmState());
            case "OS-EXT-STS:task_state" -> taskState(server.taskState());
            case "links" -> links(call, "servers", server.id());
            default -> value;
        }));
        view.put("media_attachments", media(call, cloud, server.id()));
        view.put("raid_arrays", List.of());
        view.put("lvm_volume_groups", List.of());
        view.put("filesystems", List.of());
        view.put("nic_physical_ports", List.of());
        view.put("chassis-status", chassisStatus(server.powerState()));
        view.put("managed_by_service", false);
        return view;
    }

    static String powerState(PowerState state) {
        return state.name();
    }

    static String vmState(VmState state) {
        return state == VmState.BUILDING ? "BUILD" : upper(state.value());
    }

    static String taskState(TaskState state) {
        return switch (state) {
            case NONE -> "None";
            case SCHEDULING, BLOCK_DEVICE_MAPPING, NETWORKING, SPAWNING -> "BUILDING";
            case POWERING_OFF -> "STOPPING";
            case POWERING_ON -> "STARTING";
            case REBOOTING, REBOOT_PENDING, REBOOT_STARTED, REBOOTING_HARD, REBOOT_PENDING_HARD,
                    REBOOT_STARTED_HARD -> "REBOOTING";
            default -> upper(state.value());
        };
    }

    private static String upper(String value) {
        return value.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static List<Object> media(Call call, Cloud cloud, String serverId) {
        List<MediaAttachment> attached;
        try {
            attached = cloud.mediaAttachments(call.caller(), serverId);
        } catch (ComputeException gone) {
            return List.of();
        }
        List<Object> list = new ArrayList<>();
        for (MediaAttachment medium : attached) {
            Map<String, Object> image = Json.object();
            image.put("id", medium.imageId());
            image.put("links", List.of(Json.object("href", url(call, "images", medium.imageId()), "rel", "bookmark")));
            list.add(Json.object("image", image));
        }
        return list;
    }

    private static Map<String, Object> chassisStatus(PowerState power) {
        Map<String, Object> status = Json.object();
        status.put("chassis-power", power == PowerState.RUNNING);
        status.put("power-supply", true);
        status.put("cpu", true);
        status.put("memory", true);
        status.put("fan", true);
        status.put("disk", 0);
        status.put("nic", true);
        status.put("system-board", true);
        status.put("etc", true);
        return status;
    }

    private static List<Map<String, Object>> links(Call call, String collection, String id) {
        String href = url(call, collection, id);
        return List.of(Json.object("href", href, "rel", "self"), Json.object("href", href, "rel", "bookmark"));
    }

    private static String url(Call call, String collection, String id) {
        String tenant = call.path("project_id");
        return call.base() + MOUNT + "/" + (tenant == null ? call.caller().projectId() : tenant) + "/" + collection
                + "/" + id;
    }
}
