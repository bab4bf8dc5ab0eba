package io.novasim.state.rules;

/** Everything the core can do to a server; each has one {@link TransitionRule} in {@link TransitionTable}. */
public enum Operation {
    CREATE(Kind.LIFECYCLE),
    DELETE(Kind.LIFECYCLE),
    STOP(Kind.LIFECYCLE),
    START(Kind.LIFECYCLE),
    REBOOT_SOFT(Kind.LIFECYCLE),
    REBOOT_HARD(Kind.LIFECYCLE),
    PAUSE(Kind.LIFECYCLE),
    UNPAUSE(Kind.LIFECYCLE),
    SUSPEND(Kind.LIFECYCLE),
    RESUME(Kind.LIFECYCLE),
    RESCUE(Kind.LIFECYCLE),
    UNRESCUE(Kind.LIFECYCLE),
    SHELVE(Kind.LIFECYCLE),
    SHELVE_OFFLOAD(Kind.LIFECYCLE),
    UNSHELVE(Kind.LIFECYCLE),
    SOFT_DELETE(Kind.LIFECYCLE),
    RESTORE(Kind.LIFECYCLE),
    FORCE_DELETE(Kind.LIFECYCLE),
    REBUILD(Kind.LIFECYCLE),
    CREATE_IMAGE(Kind.LIFECYCLE),
    CREATE_BACKUP(Kind.LIFECYCLE),
    RESIZE(Kind.LIFECYCLE),
    CONFIRM_RESIZE(Kind.LIFECYCLE),
    REVERT_RESIZE(Kind.LIFECYCLE),
    MIGRATE(Kind.LIFECYCLE),
    EVACUATE(Kind.LIFECYCLE),
    LIVE_MIGRATE(Kind.LIFECYCLE),
    CHANGE_PASSWORD(Kind.LIFECYCLE),
    TRIGGER_CRASH_DUMP(Kind.LIFECYCLE),
    LOCK(Kind.LIFECYCLE),
    UNLOCK(Kind.LIFECYCLE),
    RESET_STATE_ACTIVE(Kind.LIFECYCLE),
    RESET_STATE_ERROR(Kind.LIFECYCLE),
    ATTACH_INTERFACE(Kind.INTERFACE),
    DETACH_INTERFACE(Kind.INTERFACE),
    ATTACH_VOLUME(Kind.VOLUME),
    DETACH_VOLUME(Kind.VOLUME),
    SWAP_VOLUME(Kind.VOLUME),
    MEDIA_ATTACH(Kind.MEDIA),
    MEDIA_DETACH(Kind.MEDIA);

    /** Lifecycle operations change a server's states; the others attach or detach something and keep them. */
    public enum Kind { LIFECYCLE, INTERFACE, VOLUME, MEDIA }

    private final Kind kind;

    Operation(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The operation a person or a file names: case-insensitive, with dashes for underscores
     * ({@code detach-interface} is {@link #DETACH_INTERFACE}).
     *
     * @throws IllegalArgumentException naming every operation, when there is none of that name
     */
    public static Operation named(String name) {
        String normalized = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Operation operation : values()) {
            if (operation.name().equals(normalized)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + name.trim() + "'; one of: "
                + java.util.Arrays.stream(values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
    }
}
