package io.novasim.state.command;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Boot a server from an image, or from a volume when {@code imageId} is {@code null} and {@code bootVolumeId} names
 * an available volume; or {@code count} alike servers in one request (Nova's multi-create, {@code max_count}), named
 * {@code name-1} to {@code name-count}.
 *
 * @param keyName     a key pair of the caller's user, or {@code null}
 * @param userData    the {@code user_data} to keep, or {@code null}
 * @param description the description (microversion 2.19), or {@code null}
 * @param tags        the tags (2.52), in the order given
 * @param hostname    the hostname (2.90), or {@code null} for the one each server's name makes; refused with
 *                    {@code count} over 1
 * @param rootVolume  a root volume Nova makes from an image, or blank, for each server; {@code null} otherwise
 * @param groupId     the server group its scheduler hint names, or {@code null}
 * @param minCount    the fewest servers the request accepts ({@code min_count}): when the project's quota holds
 *                    fewer than {@code count} but at least this many, Nova makes as many as it holds; 0 in a snapshot
 *                    taken before quotas, read as {@code count}
 * @param securityGroups the security groups, by name or id, of the ports Nova makes for it ({@code default}, the
 *                    project's own, when the request names none), without repeats; {@code null} in a snapshot taken
 *                    before they were kept, read as none named
 */
public record CreateServer(String name, String flavorId, String imageId, String bootVolumeId,
                           String availabilityZone, Map<String, String> metadata, Networks networks, int count,
                           String keyName, String userData, String description, List<String> tags, String hostname,
                           NewRootVolume rootVolume, String groupId, int minCount,
                           List<String> securityGroups) implements Command {
    public CreateServer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flavorId, "flavorId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(networks, "networks");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 (was " + count + ")");
        }
        if (minCount == 0) {
            minCount = count;
        }
        securityGroups = securityGroups == null || securityGroups.isEmpty() ? DEFAULT_GROUPS
                : List.copyOf(new java.util.LinkedHashSet<>(securityGroups));
        if (minCount < 1 || minCount > count) {
            throw new IllegalArgumentException("minCount must be from 1 to count " + count + " (was " + minCount
                    + ")");
        }
        metadata = metadata.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
        tags = tags == null ? List.of() : List.copyOf(tags); // null in a snapshot taken before servers had tags
    }

    /** The groups of a server whose request names none: the project's {@code default}. */
    public static final List<String> DEFAULT_GROUPS = List.of("default");

    /** In the default security group. */
    public CreateServer(String name, String flavorId, String imageId, String bootVolumeId, String availabilityZone,
                        Map<String, String> metadata, Networks networks, int count, String keyName, String userData,
                        String description, List<String> tags, String hostname, NewRootVolume rootVolume,
                        String groupId, int minCount) {
        this(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, count, keyName, userData,
                description, tags, hostname, rootVolume, groupId, minCount, DEFAULT_GROUPS);
    }

    /** Exactly {@code count} servers. */
    public CreateServer(String name, String flavorId, String imageId, String bootVolumeId, String availabilityZone,
                        Map<String, String> metadata, Networks networks, int count, String keyName, String userData,
                        String description, List<String> tags, String hostname, NewRootVolume rootVolume,
                        String groupId) {
        this(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, count, keyName, userData,
                description, tags, hostname, rootVolume, groupId, count);
    }

    /** In no server group. */
    public CreateServer(String name, String flavorId, String imageId, String bootVolumeId, String availabilityZone,
                        Map<String, String> metadata, Networks networks, int count, String keyName, String userData,
                        String description, List<String> tags, String hostname, NewRootVolume rootVolume) {
        this(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, count, keyName, userData,
                description, tags, hostname, rootVolume, null);
    }

    /** Without a root volume for Nova to make. */
    public CreateServer(String name, String flavorId, String imageId, String bootVolumeId, String availabilityZone,
                        Map<String, String> metadata, Networks networks, int count, String keyName, String userData,
                        String description, List<String> tags, String hostname) {
        this(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, count, keyName, userData,
                description, tags, hostname, null);
    }

    /** One server, without the fields that only echo back. */
    public CreateServer(String name, String flavorId, String imageId, String bootVolumeId, String availabilityZone,
                        Map<String, String> metadata, Networks networks) {
        this(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, 1, null, null, null,
                List.of(), null);
    }

    /** From an image, in zone {@code nova}, on the one network the project can use (if there is one). */
    public CreateServer(String name, String flavorId, String imageId) {
        this(name, flavorId, imageId, null, "nova", Map.of(), Networks.AUTO);
    }

    public CreateServer withNetworks(Networks newNetworks) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, newNetworks, count,
                keyName, userData, description, tags, hostname, rootVolume, groupId, minCount, securityGroups);
    }

    public CreateServer bootingFromVolume(String volumeId) {
        return new CreateServer(name, flavorId, null, volumeId, availabilityZone, metadata, networks, count,
                keyName, userData, description, tags, hostname, null, groupId, minCount, securityGroups);
    }

    /** Booting from a volume Nova makes, instead of an image. */
    public CreateServer bootingFromNewVolume(NewRootVolume volume) {
        return new CreateServer(name, flavorId, null, null, availabilityZone, metadata, networks, count,
                keyName, userData, description, tags, hostname, volume, groupId, minCount, securityGroups);
    }

    /** Booted into a server group (its scheduler hint). */
    public CreateServer inGroup(String group) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, count,
                keyName, userData, description, tags, hostname, rootVolume, group, minCount, securityGroups);
    }

    /** Exactly {@code count} servers alike. */
    public CreateServer times(int newCount) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, newCount,
                keyName, userData, description, tags, hostname, rootVolume, groupId, newCount, securityGroups);
    }

    /** As many servers as the quota holds, from {@code min} to {@code max} ({@code min_count} and {@code max_count}). */
    public CreateServer between(int min, int max) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, max,
                keyName, userData, description, tags, hostname, rootVolume, groupId, min, securityGroups);
    }

    /** With the fields that only echo back: a key pair's name, user data, a description, tags and a hostname. */
    public CreateServer withDetails(String newKeyName, String newUserData, String newDescription,
                                    List<String> newTags, String newHostname) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, count,
                newKeyName, newUserData, newDescription, newTags, newHostname, rootVolume, groupId, minCount,
                securityGroups);
    }

    /** The ports Nova makes for it in these security groups (by name or id). */
    public CreateServer inSecurityGroups(List<String> groups) {
        return new CreateServer(name, flavorId, imageId, bootVolumeId, availabilityZone, metadata, networks, count,
                keyName, userData, description, tags, hostname, rootVolume, groupId, minCount, groups);
    }

    /** The name of the server at {@code index} (0-based): Nova suffixes each of a multi-create's names. */
    public String nameOf(int index) {
        return count == 1 ? name : name + "-" + (index + 1);
    }

    @Override
    public String serverId() {
        return null;
    }
}
