package io.novasim.state.time;

import io.novasim.state.rules.Operation;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the asynchronous part of each operation takes in virtual time, and when a shelved server is offloaded.
 * An operation with several task_states spends an equal share of its duration in each.
 */
public final class Timings {
    private final Map<Operation, Duration> durations;
    private final Duration shelvedOffloadAfter;
    private final Duration volumeCreation;
    private final Duration volumeDeletion;
    private final Duration reclaimInstanceInterval;
    private final Duration resizeConfirmWindow;

    private Timings(Map<Operation, Duration> durations, Duration shelvedOffloadAfter, Duration volumeCreation,
                    Duration volumeDeletion, Duration reclaimInstanceInterval, Duration resizeConfirmWindow) {
        this.durations = durations;
        this.shelvedOffloadAfter = shelvedOffloadAfter;
        this.volumeCreation = volumeCreation;
        this.volumeDeletion = volumeDeletion;
        this.reclaimInstanceInterval = reclaimInstanceInterval;
        this.resizeConfirmWindow = resizeConfirmWindow;
    }

    /** Durations in the range a small real cloud shows; a shelved server is offloaded at once, as Nova's default. */
    public static Timings defaults() {
        Map<Operation, Duration> d = new EnumMap<>(Operation.class);
        d.put(Operation.CREATE, Duration.ofSeconds(5));
        d.put(Operation.DELETE, Duration.ofSeconds(2));
        d.put(Operation.STOP, Duration.ofSeconds(2));
        d.put(Operation.START, Duration.ofSeconds(2));
        d.put(Operation.REBOOT_SOFT, Duration.ofSeconds(3));
        d.put(Operation.REBOOT_HARD, Duration.ofSeconds(3));
        d.put(Operation.PAUSE, Duration.ofSeconds(1));
        d.put(Operation.UNPAUSE, Duration.ofSeconds(1));
        d.put(Operation.SUSPEND, Duration.ofSeconds(2));
        d.put(Operation.RESUME, Duration.ofSeconds(2));
        d.put(Operation.RESCUE, Duration.ofSeconds(3));
        d.put(Operation.UNRESCUE, Duration.ofSeconds(2));
        d.put(Operation.CHANGE_PASSWORD, Duration.ZERO); // an RPC call: done when Nova answers
        d.put(Operation.SHELVE, Duration.ofSeconds(6));
        d.put(Operation.SHELVE_OFFLOAD, Duration.ofSeconds(2));
        d.put(Operation.UNSHELVE, Duration.ofSeconds(6));
        d.put(Operation.SOFT_DELETE, Duration.ofSeconds(2));
        d.put(Operation.RESTORE, Duration.ofSeconds(2));
        d.put(Operation.FORCE_DELETE, Duration.ofSeconds(2));
        d.put(Operation.REBUILD, Duration.ofSeconds(6));
        d.put(Operation.CREATE_IMAGE, Duration.ofSeconds(8));
        d.put(Operation.CREATE_BACKUP, Duration.ofSeconds(6));
        d.put(Operation.RESIZE, Duration.ofSeconds(8));
        d.put(Operation.CONFIRM_RESIZE, Duration.ofSeconds(1));
        d.put(Operation.REVERT_RESIZE, Duration.ofSeconds(4));
        d.put(Operation.MIGRATE, Duration.ofSeconds(8));
        d.put(Operation.EVACUATE, Duration.ofSeconds(6));
        d.put(Operation.LIVE_MIGRATE, Duration.ofSeconds(4));
        d.put(Operation.DETACH_INTERFACE, Duration.ofSeconds(1));
        d.put(Operation.ATTACH_VOLUME, Duration.ofSeconds(2));
        d.put(Operation.DETACH_VOLUME, Duration.ofSeconds(1));
        d.put(Operation.SWAP_VOLUME, Duration.ofSeconds(3));
        d.put(Operation.MEDIA_ATTACH, Duration.ofSeconds(2));
        d.put(Operation.MEDIA_DETACH, Duration.ofSeconds(1));
        return new Timings(d, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), null, null);
    }

    public Timings with(Operation operation, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration for " + operation + ": " + duration);
        }
        Map<Operation, Duration> d = new EnumMap<>(durations);
        d.put(operation, duration);
        return new Timings(d, shelvedOffloadAfter, volumeCreation, volumeDeletion, reclaimInstanceInterval,
                resizeConfirmWindow);
    }

    /** How long Cinder takes to create a volume (creating -> available) and to delete one (deleting -> gone). */
    public Timings withVolumeLifecycle(Duration creation, Duration deletion) {
        if (creation.isNegative() || deletion.isNegative()) {
            throw new IllegalArgumentException("negative volume durations");
        }
        return new Timings(durations, shelvedOffloadAfter, creation, deletion, reclaimInstanceInterval,
                resizeConfirmWindow);
    }

    public Duration volumeCreation() {
        return volumeCreation;
    }

    public Duration volumeDeletion() {
        return volumeDeletion;
    }

    /**
     * When a shelved server is offloaded without being asked (Nova's {@code shelved_offload_time}); empty means never,
     * {@link Duration#ZERO} means as soon as shelving completes.
     */
    public Timings withShelvedOffloadAfter(Optional<Duration> after) {
        after.ifPresent(a -> {
            if (a.isNegative()) {
                throw new IllegalArgumentException("negative shelved offload time: " + a);
            }
        });
        return new Timings(durations, after.orElse(null), volumeCreation, volumeDeletion, reclaimInstanceInterval,
                resizeConfirmWindow);
    }

    /**
     * Nova's {@code reclaim_instance_interval}: when set, deleting a server that has run only soft-deletes it (vm_state
     * {@code soft-delete}, restorable) and it is reclaimed this long after. Empty, Nova's default of 0, deletes at
     * once. Nova's periodic task reclaims within a minute after the interval; the simulator reclaims at the interval.
     */
    public Timings withReclaimInstanceInterval(Optional<Duration> interval) {
        interval.ifPresent(i -> {
            if (i.isNegative() || i.isZero()) {
                throw new IllegalArgumentException("the reclaim interval must be positive, not " + i
                        + " (leave it out to delete at once)");
            }
        });
        return new Timings(durations, shelvedOffloadAfter, volumeCreation, volumeDeletion, interval.orElse(null),
                resizeConfirmWindow);
    }

    /**
     * Nova's {@code resize_confirm_window}: a resize left unconfirmed this long is confirmed by the compute host.
     * Empty, Nova's default of 0, never confirms on its own.
     */
    public Timings withResizeConfirmWindow(Optional<Duration> window) {
        window.ifPresent(w -> {
            if (w.isNegative() || w.isZero()) {
                throw new IllegalArgumentException("the resize confirm window must be positive, not " + w
                        + " (leave it out to wait for the user)");
            }
        });
        return new Timings(durations, shelvedOffloadAfter, volumeCreation, volumeDeletion, reclaimInstanceInterval,
                window.orElse(null));
    }

    public Optional<Duration> resizeConfirmWindow() {
        return Optional.ofNullable(resizeConfirmWindow);
    }

    public Optional<Duration> reclaimInstanceInterval() {
        return Optional.ofNullable(reclaimInstanceInterval);
    }

    public Duration of(Operation operation) {
        return durations.getOrDefault(operation, Duration.ZERO);
    }

    public Optional<Duration> shelvedOffloadAfter() {
        return Optional.ofNullable(shelvedOffloadAfter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timings t && durations.equals(t.durations)
                && Objects.equals(shelvedOffloadAfter, t.shelvedOffloadAfter)
                && volumeCreation.equals(t.volumeCreation) && volumeDeletion.equals(t.volumeDeletion)
                && Objects.equals(reclaimInstanceInterval, t.reclaimInstanceInterval)
                && Objects.equals(resizeConfirmWindow, t.resizeConfirmWindow);
    }

    @Override
    public int hashCode() {
        return Objects.hash(durations, shelvedOffloadAfter, volumeCreation, volumeDeletion, reclaimInstanceInterval,
                resizeConfirmWindow);
    }
}
