package io.novasim.model.server;

/** Nova's {@code vm_state}: the stable state of a server between tasks. */
public enum VmState {
    ACTIVE("active"),
    BUILDING("building"),
    PAUSED("paused"),
    SUSPENDED("suspended"),
    STOPPED("stopped"),
    RESCUED("rescued"),
    RESIZED("resized"),
    SOFT_DELETED("soft-delete"),
    DELETED("deleted"),
    ERROR("error"),
    SHELVED("shelved"),
    SHELVED_OFFLOADED("shelved_offloaded");

    private final String value;

    VmState(String value) {
        this.value = value;
    }

    /** The spelling Nova uses on the wire and in its error messages ({@code soft-delete} has a hyphen). */
    public String value() {
        return value;
    }

    public static VmState fromValue(String value) {
        for (VmState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown vm_state: " + value);
    }

    @Override
    public String toString() {
        return value;
    }
}
