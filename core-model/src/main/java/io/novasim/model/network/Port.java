package io.novasim.model.network;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Neutron port. It is bound to a server while {@code deviceId} names it. Nova remembers whether the user brought the
 * port (kept and unbound on detach) or Nova created it from a network (deleted on detach).
 *
 * @param deviceId    the server it is bound to, or {@code ""}
 * @param deviceOwner {@code compute:<availability zone>} while bound, else {@code ""}
 * @param tag              the device tag given at attach (microversion 2.49), or {@code null}
 * @param description      the user's description, {@code ""} by default
 * @param securityGroupIds the security groups the port is in (its project's {@code default} unless told otherwise)
 */
public record Port(String id, String name, String networkId, String projectId, String macAddress,
                   List<FixedIp> fixedIps, String status, String deviceId, String deviceOwner,
                   boolean createdByCompute, String tag, Instant created, Instant updated, String description,
                   List<String> securityGroupIds) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DOWN = "DOWN";

    public Port {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(macAddress, "macAddress");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceOwner, "deviceOwner");
        fixedIps = List.copyOf(fixedIps);
        Objects.requireNonNull(description, "description");
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    public boolean bound() {
        return !deviceId.isEmpty();
    }

    public boolean boundTo(String serverId) {
        return deviceId.equals(serverId);
    }

    public Port boundTo(String serverId, String availabilityZone, String newTag, Instant now) {
        return new Port(id, name, networkId, projectId, macAddress, fixedIps, ACTIVE, serverId,
                deviceOwnerIn(availabilityZone), createdByCompute, newTag, created, now, description,
                securityGroupIds);
    }

    /** {@code compute:<zone>}, one shared string per zone: every bound port holds it. */
    public static String deviceOwnerIn(String availabilityZone) {
        return "nova".equals(availabilityZone) ? DEFAULT_OWNER : "compute:" + availabilityZone;
    }

    private static final String DEFAULT_OWNER = "compute:nova";

    /** An update's attributes: each {@code null} one stays as it is. */
    public Port updated(String newName, String newDescription, List<String> newGroupIds, Instant now) {
        return new Port(id, newName == null ? name : newName, networkId, projectId, macAddress, fixedIps, status,
                deviceId, deviceOwner, createdByCompute, tag, created, now,
                newDescription == null ? description : newDescription,
                newGroupIds == null ? securityGroupIds : newGroupIds);
    }

    /** What Neutron keeps of a user's port once Nova lets it go: no device, no owner, no tag. */
    public Port unbound(Instant now) {
        return new Port(id, name, networkId, projectId, macAddress, fixedIps, DOWN, "", "", createdByCompute, null,
                created, now, description, securityGroupIds);
    }
}
