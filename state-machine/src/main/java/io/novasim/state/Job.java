package io.novasim.state;

import io.novasim.state.faults.FaultEffect;
import io.novasim.state.rules.Operation;

import java.time.Duration;
import java.time.Instant;

/**
 * Asynchronous work in flight. It runs in {@code phases} equal shares of {@code duration}; the end of each phase is a
 * step of its {@link Task}. A {@code Stuck} or {@code Delay} fault holds it at {@code stallPhase}: for
 * {@code stallFor}, or until released when that is {@code null}.
 *
 * @param key      the slot it occupies: one per server for lifecycle work (new work supersedes old), one per request
 *                 otherwise
 * @param shift    how much later than planned every remaining phase ends, after a stall
 * @param failure  set when a fault decided at acceptance that the work fails
 * @param ticket   tells the current schedule of this slot from stale queue entries
 */
record Job(String key, Task task, String requestId, Operation operation, int phases, int phase, Instant startedAt,
           Duration duration, Duration shift, int stallPhase, Duration stallFor, FaultEffect.FailCompletion failure,
           long ticket) {

    static final int NO_STALL = -1;

    /** When the current phase ends if nothing holds it. */
    Instant plannedEnd() {
        // Plain long arithmetic: Duration.dividedBy goes through BigDecimal, which shows in the benchmark.
        long elapsed = duration.toNanos() / phases * (phase + 1L) + duration.toNanos() % phases * (phase + 1L) / phases;
        return startedAt.plusNanos(elapsed + shift.toNanos());
    }

    boolean lastPhase() {
        return phase == phases - 1;
    }

    Job next() {
        return new Job(key, task, requestId, operation, phases, phase + 1, startedAt, duration, shift, stallPhase,
                stallFor, failure, ticket);
    }

    Job withSchedule(Duration newShift, int newStallPhase, long newTicket) {
        return new Job(key, task, requestId, operation, phases, phase, startedAt, duration, newShift, newStallPhase,
                stallFor, failure, newTicket);
    }

    boolean failing() {
        return failure != null;
    }

    String serverId() {
        return task.serverId();
    }

    /** The kinds of asynchronous work and what each needs to finish. */
    sealed interface Task {
        /** The server the work belongs to, or {@code null} for volume-only work. */
        String serverId();

        /** A lifecycle operation of {@link io.novasim.state.rules.TransitionTable} (create, stop, reboot, ...). */
        record ServerTask(String serverId) implements Task {
        }

        /** The wait before a shelved server is offloaded on its own ({@code shelved_offload_time}). */
        record OffloadTimer(String serverId) implements Task {
        }

        /**
         * A snapshot of the server uploading to the image it reserved: {@code createImage}'s, or {@code createBackup}'s
         * when {@code backupType} is set, which then keeps only {@code rotation} backups of that type.
         */
        record Snapshot(String serverId, String imageId, String backupType, int rotation) implements Task {
            Snapshot(String serverId, String imageId) {
                this(serverId, imageId, null, 0);
            }
        }

        /** The wait before an unconfirmed resize is confirmed ({@code resize_confirm_window}). */
        record ConfirmTimer(String serverId) implements Task {
        }

        /** The wait before a soft-deleted server is reclaimed ({@code reclaim_instance_interval}). */
        record ReclaimTimer(String serverId) implements Task {
        }

        record DetachPort(String serverId, String portId) implements Task {
        }

        record AttachVolume(String serverId, String bdmUuid) implements Task {
        }

        record DetachVolume(String serverId, String bdmUuid) implements Task {
        }

        record SwapVolume(String serverId, String bdmUuid, String oldVolumeId, String newVolumeId,
                          String newAttachmentId) implements Task {
        }

        record AttachMedia(String serverId, String imageId) implements Task {
        }

        record DetachMedia(String serverId, String imageId) implements Task {
        }

        record CreateVolume(String volumeId) implements Task {
            @Override
            public String serverId() {
                return null;
            }
        }

        record DeleteVolume(String volumeId) implements Task {
            @Override
            public String serverId() {
                return null;
            }
        }
    }
}
