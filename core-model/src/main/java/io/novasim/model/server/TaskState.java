package io.novasim.model.server;

/**
 * Nova's {@code task_state}: the work in progress on a server. {@link #NONE} is Nova's {@code None} (JSON {@code null}),
 * kept as a constant so that rules can name "idle" in the same sets as the busy states.
 */
public enum TaskState {
    NONE(null),
    SCHEDULING("scheduling"),
    BLOCK_DEVICE_MAPPING("block_device_mapping"),
    NETWORKING("networking"),
    SPAWNING("spawning"),
    IMAGE_SNAPSHOT("image_snapshot"),
    IMAGE_SNAPSHOT_PENDING("image_snapshot_pending"),
    IMAGE_PENDING_UPLOAD("image_pending_upload"),
    IMAGE_UPLOADING("image_uploading"),
    IMAGE_BACKUP("image_backup"),
    UPDATING_PASSWORD("updating_password"),
    RESIZE_PREP("resize_prep"),
    RESIZE_MIGRATING("resize_migrating"),
    RESIZE_MIGRATED("resize_migrated"),
    RESIZE_FINISH("resize_finish"),
    RESIZE_REVERTING("resize_reverting"),
    RESIZE_CONFIRMING("resize_confirming"),
    REBOOTING("rebooting"),
    REBOOT_PENDING("reboot_pending"),
    REBOOT_STARTED("reboot_started"),
    REBOOTING_HARD("rebooting_hard"),
    REBOOT_PENDING_HARD("reboot_pending_hard"),
    REBOOT_STARTED_HARD("reboot_started_hard"),
    PAUSING("pausing"),
    UNPAUSING("unpausing"),
    SUSPENDING("suspending"),
    RESUMING("resuming"),
    POWERING_OFF("powering-off"),
    POWERING_ON("powering-on"),
    RESCUING("rescuing"),
    UNRESCUING("unrescuing"),
    REBUILDING("rebuilding"),
    REBUILD_BLOCK_DEVICE_MAPPING("rebuild_block_device_mapping"),
    REBUILD_SPAWNING("rebuild_spawning"),
    MIGRATING("migrating"),
    DELETING("deleting"),
    SOFT_DELETING("soft-deleting"),
    RESTORING("restoring"),
    SHELVING("shelving"),
    SHELVING_IMAGE_PENDING_UPLOAD("shelving_image_pending_upload"),
    SHELVING_IMAGE_UPLOADING("shelving_image_uploading"),
    SHELVING_OFFLOADING("shelving_offloading"),
    UNSHELVING("unshelving"),
    /**
     * Bare-metal media work (NTT Enterprise Cloud): not one of Nova's values. Clients of that cloud read a non-None
     * task_state right after media-attach/detach and expect other actions to be refused meanwhile
     * (client-wire-contract.md §6), so the simulator shows these while the media work runs.
     */
    MEDIA_ATTACHING("media_attaching"),
    MEDIA_DETACHING("media_detaching");

    private final String value;

    TaskState(String value) {
        this.value = value;
    }

    /** The wire spelling, or {@code null} for {@link #NONE}. */
    public String value() {
        return value;
    }

    public boolean isIdle() {
        return this == NONE;
    }

    /** Parses a wire value; {@code null} means idle. */
    public static TaskState fromValue(String value) {
        if (value == null) {
            return NONE;
        }
        for (TaskState state : values()) {
            if (value.equals(state.value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown task_state: " + value);
    }

    /** As Nova prints it in messages: the wire value, or {@code None} when idle. */
    @Override
    public String toString() {
        return value == null ? "None" : value;
    }
}
