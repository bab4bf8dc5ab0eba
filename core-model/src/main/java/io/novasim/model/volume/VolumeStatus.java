package io.novasim.model.volume;

/** Cinder's volume status, with its wire spelling. */
public enum VolumeStatus {
    CREATING("creating"),
    AVAILABLE("available"),
    RESERVED("reserved"),
    ATTACHING("attaching"),
    IN_USE("in-use"),
    DETACHING("detaching"),
    DELETING("deleting"),
    ERROR("error");

    private final String value;

    VolumeStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
