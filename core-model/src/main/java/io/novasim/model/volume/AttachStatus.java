package io.novasim.model.volume;

/** Where one volume attachment stands: Cinder's attachment {@code attach_status}, plus the detach in flight. */
public enum AttachStatus {
    RESERVED("reserved"), ATTACHING("attaching"), ATTACHED("attached"), DETACHING("detaching");

    private final String value;

    AttachStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
