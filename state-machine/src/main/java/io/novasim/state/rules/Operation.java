package io.novasim.state.rules;

/** Everything the core can do to a server's lifecycle; each has one {@link TransitionRule} in {@link TransitionTable}. */
public enum Operation {
    CREATE,
    DELETE,
    STOP,
    START,
    REBOOT_SOFT,
    REBOOT_HARD,
    PAUSE,
    UNPAUSE,
    SUSPEND,
    RESUME,
    RESCUE,
    UNRESCUE,
    SHELVE,
    SHELVE_OFFLOAD,
    UNSHELVE,
    LOCK,
    UNLOCK,
    RESET_STATE_ACTIVE,
    RESET_STATE_ERROR
}
