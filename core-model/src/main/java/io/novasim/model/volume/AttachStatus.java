package io.novasim.model.volume;

/** Where one volume attachment stands: Cinder's attachment {@code attach_status}, plus the detach in flight. */
public enum AttachStatus {
    RESERVED, ATTACHING, ATTACHED, DETACHING
}
