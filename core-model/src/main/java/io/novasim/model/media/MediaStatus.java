package io.novasim.model.media;

/** Where a bare-metal virtual media attachment stands. */
public enum MediaStatus {
    ATTACHING, ATTACHED, DETACHING
}
