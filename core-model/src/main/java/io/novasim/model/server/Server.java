package io.novasim.model.server;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A server as Nova stores it. Immutable: every change makes a new value, so a reader holding one never sees a
 * half-applied change. {@code status} is not stored; it is derived by {@link #status()}.
 *
 * @param imageId          the image it booted from, or {@code null} when it boots from a volume
 * @param launchedAt       when it first became active, or {@code null} if it never launched
 * @param lock             who locked it and why, or {@code null} when unlocked
 * @param fault            the fault recorded when it went to ERROR, or {@code null}
 * @param details          what it keeps besides its state ({@link ServerDetails#NONE} when nothing)
 * @param host             the compute host it is on (Nova's {@code instance.host}), or {@code null}: still
 *                         scheduling, or offloaded
 */
public record Server(
        String id,
        String name,
        String projectId,
        String userId,
        String flavorId,
        String imageId,
        String availabilityZone,
        Map<String, String> metadata,
        VmState vmState,
        TaskState taskState,
        PowerState powerState,
        ServerLock lock,
        Instant launchedAt,
        Instant created,
        Instant updated,
        ServerFault fault,
        ServerDetails details,
        String host) {

    public Server {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(flavorId, "flavorId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(vmState, "vmState");
        Objects.requireNonNull(taskState, "taskState");
        Objects.requireNonNull(powerState, "powerState");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(details, "details");
        metadata = sortedMetadata(metadata);
    }

    /**
     * Metadata sorted by key (Map.copyOf's order changes from one JVM to the next, and rendered bodies must not). A
     * server is copied at every state change: a copy keeps its metadata as it is, and servers without any share one
     * empty map.
     */
    private static Map<String, String> sortedMetadata(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return Map.of();
        }
        if (metadata.getClass() == SORTED_VIEW && ((java.util.SortedMap<?, ?>) metadata).comparator() == null) {
            return metadata;
        }
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(metadata));
    }

    private static final Class<?> SORTED_VIEW = java.util.Collections.unmodifiableSortedMap(
            new java.util.TreeMap<>()).getClass();

    public ServerStatus status() {
        return ServerStatus.of(vmState, taskState);
    }

    public boolean locked() {
        return lock != null;
    }

    /** The reason given when it was locked, or {@code null}. */
    public String lockedReason() {
        return lock == null ? null : lock.reason();
    }

    /**
     * Whether it is on a compute host (Nova's {@code instance.host} is set): from the moment the scheduler placed it
     * until it is offloaded, and again once an unshelve has placed it.
     */
    public boolean onHost() {
        return host != null;
    }

    /** On another compute host, or on none ({@code null}). */
    public Server withHost(String newHost, Instant now) {
        return new Server(id, name, projectId, userId, flavorId, imageId, availabilityZone, metadata,
                vmState, taskState, powerState, lock, launchedAt, created, now, fault, details, newHost);
    }

    public boolean launched() {
        return launchedAt != null;
    }

    /** Its create request's reservation: kept in its details, else made from its own id (a single create's). */
    public String reservationId() {
        return details.reservationId() != null ? details.reservationId() : ServerDetails.reservationFrom(id);
    }

    /** Its description (microversion 2.19): as its details keep it, its name where they say so. */
    public String description() {
        return details.descriptionOf(name);
    }

    /** Its hostname: given or kept in its details, else made from its name. */
    public String hostname() {
        return details.hostname() != null ? details.hostname() : ServerDetails.hostnameFrom(name, id);
    }

    public Server withStates(VmState vm, TaskState task, PowerState power, Instant now) {
        return new Server(id, name, projectId, userId, flavorId, imageId, availabilityZone, metadata,
                vm, task, power, lock, launchedAt, created, now, fault, details, host);
    }

    public Server withTaskState(TaskState task, Instant now) {
        return withStates(vmState, task, powerState, now);
    }

    public Server withLock(ServerLock newLock, Instant now) {
        return new Server(id, name, projectId, userId, flavorId, imageId, availabilityZone, metadata,
                vmState, taskState, powerState, newLock, launchedAt, created, now, fault, details, host);
    }

    public Server withName(String newName, Instant now) {
        return new Server(id, newName, projectId, userId, flavorId, imageId, availabilityZone, metadata,
                vmState, taskState, powerState, lock, launchedAt, created, now, fault, details, host);
    }

    public Server withDetails(ServerDetails newDetails, Instant now) {
        return new Server(id, name, projectId, userId, flavorId, imageId, availabilityZone, metadata,
                vmState, taskState, powerState, lock, launchedAt, created, now, fault, newDetails, host);
    }

    public Server withMetadata(Map<String, String> newMetadata, Instant now) {
        return new Server(id, name, projectId, userId, flavorId, imageId, availabilityZone, newMetadata,
                vmState, taskState, powerState, lock, launchedAt, created, now, fault, details, host);
    }

    /** Of another flavor (a resize, or its revert). */
    public Server withFlavor(String newFlavorId, Instant now) {
        return new Server(id, name, projectId, userId, newFlavorId, imageId, availabilityZone, metadata,
                vmState, taskState, powerState, lock, launchedAt, created, now, fault, details, host);
    }

    /** Booted from another image (a rebuild). */
    public Server withImage(String newImageId, Instant now) {
        return new Server(id, name, projectId, userId, flavorId, newImageId, availabilityZone, metadata,
                vmState, taskState, powerState, lock, launchedAt, created, now, fault, details, host);
    }

    public Server withLaunchedAt(Instant when) {
        return new Server(id, name, projectId, userId, flavorId, imageId, availabilityZone, metadata,
                vmState, taskState, powerState, lock, when, created, updated, fault, details, host);
    }

    public Server withFault(ServerFault newFault, Instant now) {
        return new Server(id, name, projectId, userId, flavorId, imageId, availabilityZone, metadata,
                vmState, taskState, powerState, lock, launchedAt, created, now, newFault, details, host);
    }
}
