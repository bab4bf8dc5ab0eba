package io.novasim.model.media;

/** Where a bare-metal virtual media attachment stands. */
public enum MediaStatus {
    ATTACHING("attaching"), ATTACHED("attached"), DETACHING("detaching");

    private final String value;

    MediaStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
