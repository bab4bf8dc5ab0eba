package io.novasim.http.compute;

import io.novasim.http.support.Call;
import io.novasim.http.support.Json;
import io.novasim.model.catalog.Flavor;
import io.novasim.model.network.ServerAddress;
import io.novasim.model.server.Server;
import io.novasim.model.server.ServerDetails;
import io.novasim.model.server.ServerStatus;
import io.novasim.model.volume.VolumeAttachment;
import io.novasim.state.Cloud;
import io.novasim.state.ServerReadout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server as Nova's views render it (nova-semantics.md §2.5), with exactly the fields of the requested microversion:
 * Tempest checks with {@code additionalProperties: false}, so an extra field fails as surely as a missing one.
 */
final class ServerView {
    static final String HOST = io.novasim.http.Simulation.COMPUTE_HOST;
    /** Every server's {@code OS-DCF:diskConfig}: a create or an update may send one, but the simulator keeps none. */
    private static final String DISK_CONFIG = "MANUAL";
    private static final Set<ServerStatus> SHOWS_PROGRESS = Set.of(ServerStatus.ACTIVE, ServerStatus.BUILD,
            ServerStatus.REBUILD, ServerStatus.RESIZE, ServerStatus.VERIFY_RESIZE, ServerStatus.MIGRATING);

    private ServerView() {
    }

    /** The short form of a list: id, links, name. */
    static Map<String, Object> brief(Call call, Server server) {
        Map<String, Object> view = Json.object();
        view.put("id", server.id());
        view.put("links", Links.of(call, "servers", server.id()));
        view.put("name", server.name());
        return view;
    }

    /** Which of Nova's full server views a body is. */
    enum Form {
        /** {@code GET /servers/{id}}: every field of the microversion, {@code server_groups} from 2.71. */
        SHOW,
        /** An entry of {@code GET /servers/detail}: as show, but never {@code server_groups}. */
        DETAIL,
        /**
         * The answer of {@code PUT /servers/{id}}: before 2.75 Nova leaves out the extended attributes (availability
         * zone, {@code OS-EXT-SRV-ATTR:*}, {@code OS-EXT-STS:*}, {@code OS-SRV-USG:*}, config drive, key name, security
         * groups, attached volumes, host status) and the extended address fields; from 2.75 it is the show view.
         * {@code server_groups} from 2.71.
         */
        UPDATE,
        /** The answer of the rebuild action: as {@link #UPDATE}, with {@code key_name} from 2.54. */
        REBUILD
    }

    /** The full form of show, detail and update (see {@link Form}). */
    static Map<String, Object> full(Call call, Cloud cloud, ServerReadout readout, Form form) {
        Server server = readout.server();
        boolean admin = call.caller().admin();
        boolean extended = form != Form.UPDATE && form != Form.REBUILD || call.atLeast(75);
        ServerDetails details = server.details();
        Map<String, Object> view = Json.object();
        view.put("OS-DCF:diskConfig", DISK_CONFIG);
        if (extended) {
            view.put("OS-EXT-AZ:availability_zone", server.availabilityZone());
            extendedServerAttributes(call, server, view);
            view.put("OS-EXT-STS:power_state", server.powerState().code());
            view.put("OS-EXT-STS:task_state", server.taskState().value());
            view.put("OS-EXT-STS:vm_state", server.vmState().value());
            view.put("OS-SRV-USG:launched_at", Json.micros(server.launchedAt()));
            view.put("OS-SRV-USG:terminated_at", null);
        }
        view.put("accessIPv4", "");
        view.put("accessIPv6", "");
        view.put("addresses", addresses(readout.addresses(), extended));
        if (extended) {
            view.put("config_drive", "");
        }
        view.put("created", Json.time(server.created()));
        if (call.atLeast(19)) {
            view.put("description", server.description());
        }
        if (server.fault() != null && (server.status() == ServerStatus.ERROR
                || server.status() == ServerStatus.DELETED)) {
            Map<String, Object> fault = Json.object();
            fault.put("code", server.fault().code());
            fault.put("created", Json.time(server.fault().created()));
            fault.put("message", server.fault().message());
            if (admin && server.fault().details() != null) {
                fault.put("details", server.fault().details());
            }
            view.put("fault", fault);
        }
        view.put("flavor", flavor(call, cloud, server));
        view.put("hostId", hostId(server));
        if (extended && admin && call.atLeast(16)) {
            view.put("host_status", "UP");
        }
        view.put("id", server.id());
        view.put("image", server.imageId() == null ? ""
                : Json.object("id", server.imageId(), "links", List.of(Links.bookmark(call, "images", server.imageId()))));
        if (extended || form == Form.REBUILD && call.atLeast(54)) {
            view.put("key_name", details.keyName());
        }
        view.put("links", Links.of(call, "servers", server.id()));
        if (call.atLeast(9)) {
            view.put("locked", server.locked());
        }
        if (call.atLeast(73)) {
            view.put("locked_reason", server.lockedReason());
        }
        view.put("metadata", server.metadata());
        view.put("name", server.name());
        if (extended) {
            view.put("os-extended-volumes:volumes_attached", volumes(call, readout.volumeAttachments()));
        }
        if (SHOWS_PROGRESS.contains(server.status())) {
            view.put("progress", 0);
        }
        if (extended && !readout.securityGroups().isEmpty()) {
            List<Object> groups = new ArrayList<>(readout.securityGroups().size());
            for (String name : readout.securityGroups()) {
                groups.add(Json.object("name", name));
            }
            view.put("security_groups", groups);
        }
        if (form != Form.DETAIL && call.atLeast(71)) {
            view.put("server_groups", cloud.serverGroupIds(server.id()));
        }
        view.put("status", server.status().name());
        if (call.atLeast(26)) {
            view.put("tags", details.tags());
        }
        view.put("tenant_id", server.projectId());
        if (call.atLeast(63)) {
            view.put("trusted_image_certificates", null);
        }
        view.put("updated", Json.time(server.updated()));
        view.put("user_id", server.userId());
        return view;
    }

    /** {@code OS-EXT-SRV-ATTR:*}: for admins (more of them from 2.3), and the hostname for everyone from 2.90. */
    private static void extendedServerAttributes(Call call, Server server, Map<String, Object> view) {
        if (call.caller().admin()) {
            view.put("OS-EXT-SRV-ATTR:host", server.host());
            view.put("OS-EXT-SRV-ATTR:hypervisor_hostname", server.host());
            view.put("OS-EXT-SRV-ATTR:instance_name", instanceName(server));
            if (call.atLeast(3)) {
                view.put("OS-EXT-SRV-ATTR:hostname", server.hostname());
                view.put("OS-EXT-SRV-ATTR:kernel_id", "");
                view.put("OS-EXT-SRV-ATTR:launch_index", server.details().launchIndex());
                view.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
                view.put("OS-EXT-SRV-ATTR:reservation_id", server.reservationId());
                view.put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda");
                view.put("OS-EXT-SRV-ATTR:user_data", server.details().userData());
            }
        } else if (call.atLeast(90)) {
            view.put("OS-EXT-SRV-ATTR:hostname", server.hostname());
        }
    }

    /**
     * Addresses by network name: {@code addr} and {@code version}, and with {@code extended} (the show and detail
     * views) {@code OS-EXT-IPS-MAC:mac_addr} and {@code OS-EXT-IPS:type}; {@code GET /servers/{id}/ips} has only the
     * first two.
     */
    static Map<String, Object> addresses(Map<String, List<ServerAddress>> byNetwork, boolean extended) {
        Map<String, Object> view = Json.object();
        byNetwork.forEach((network, list) -> {
            List<Object> entries = new ArrayList<>();
            for (ServerAddress address : list) {
                Map<String, Object> entry = Json.object();
                if (extended) {
                    entry.put("OS-EXT-IPS-MAC:mac_addr", address.macAddress());
                    entry.put("OS-EXT-IPS:type", address.type());
                }
                entry.put("addr", address.address());
                entry.put("version", address.version());
                entries.add(entry);
            }
            view.put(network, entries);
        });
        return view;
    }

    private static Object flavor(Call call, Cloud cloud, Server server) {
        Flavor flavor = cloud.catalog().flavor(server.flavorId()).orElse(null);
        if (!call.atLeast(47) || flavor == null) {
            return Json.object("id", server.flavorId(), "links", List.of(Links.bookmark(call, "flavors",
                    server.flavorId())));
        }
        Map<String, Object> view = Json.object();
        view.put("disk", flavor.diskGb());
        view.put("ephemeral", flavor.ephemeralGb());
        view.put("extra_specs", Map.of());
        view.put("original_name", flavor.name());
        view.put("ram", flavor.ramMb());
        view.put("swap", flavor.swapMb());
        view.put("vcpus", flavor.vcpus());
        return view;
    }

    private static List<Object> volumes(Call call, List<VolumeAttachment> attachments) {
        List<Object> list = new ArrayList<>();
        for (VolumeAttachment attachment : attachments) {
            Map<String, Object> entry = Json.object();
            if (call.atLeast(3)) {
                entry.put("delete_on_termination", attachment.deleteOnTermination());
            }
            entry.put("id", attachment.volumeId());
            list.add(entry);
        }
        return list;
    }

    private static String instanceName(Server server) {
        return "instance-" + server.id().substring(0, 8);
    }

    /** hostIds by host, then project: a lookup makes no key of its own. */
    private static final Map<String, Map<String, String>> HOST_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Nova's hostId of a server: its host's ({@link #hostIdOnHost}), or empty on no host (scheduling, offloaded). */
    static String hostId(Server server) {
        return server.onHost() ? hostIdOnHost(server.projectId(), server.host()) : "";
    }

    /** Nova's hostId for the project on a compute host: sha224 of the two (computed once per pair). */
    static String hostIdOnHost(String projectId, String host) {
        return HOST_IDS.computeIfAbsent(host, h -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(projectId, project -> sha224(project + host));
    }

    private static String sha224(String text) {
        try {
            MessageDigest sha224 = MessageDigest.getInstance("SHA-224");
            return HexFormat.of().formatHex(sha224.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-224 is part of every JDK", e);
        }
    }

}
