package io.novasim.cli.setup;

import java.util.List;
import java.util.Map;

/**
 * A setup file as written (YAML or JSON, snake_case keys). {@code quotas} are the default limits of every project,
 * by Nova's, Neutron's and Cinder's names ({@code instances}, {@code port}, {@code volumes}...), -1 for none; the
 * others keep the services' own defaults. Everything is nullable here: {@link SetupAssembler} checks what is required
 * and fills in the defaults, so its messages can name the field.
 */
public record SetupFile(List<ProjectEntry> projects, List<UserEntry> users, List<FlavorEntry> flavors,
                        List<ImageEntry> images, List<NetworkEntry> networks, List<VolumeEntry> volumes,
                        List<HostEntry> hosts, Map<String, Integer> quotas) {

    /** A compute host; {@code availability_zone} defaults to {@code nova}. Without any, the cloud has one host. */
    public record HostEntry(String name, String availabilityZone) {
    }

    /** A project (tenant); {@code domain} defaults to {@code Default}. */
    public record ProjectEntry(String id, String name, String domain) {
    }

    /** @param roles project name (or id) to role names; {@code admin} makes the user an admin there */
    public record UserEntry(String id, String name, String domain, String password, Map<String, List<String>> roles) {
    }

    /**
     * A flavor: {@code vcpus} and {@code ramMb} are required; disk, ephemeral and swap default to 0, and a flavor is
     * public unless it says otherwise.
     */
    public record FlavorEntry(String id, String name, Integer vcpus, Integer ramMb, Integer diskGb,
                              Integer ephemeralGb, Integer swapMb, Boolean isPublic) {
    }

    /** A Glance image; {@code status} defaults to {@code active}. */
    public record ImageEntry(String id, String name, String status, Integer minDiskGb, Integer minRamMb,
                             Long sizeBytes, String diskFormat, String containerFormat) {
    }

    /** @param project the owner, by name or id */
    public record NetworkEntry(String id, String name, String project, Boolean shared, Boolean external, Integer mtu,
                               List<SubnetEntry> subnets) {
    }

    /** An IPv4 subnet; the gateway defaults to the first address of {@code cidr}. */
    public record SubnetEntry(String id, String name, String cidr, String gatewayIp) {
    }

    /** @param project the owner, by name or id */
    public record VolumeEntry(String project, String name, Integer sizeGb, Boolean multiattach, Boolean bootable) {
    }
}
