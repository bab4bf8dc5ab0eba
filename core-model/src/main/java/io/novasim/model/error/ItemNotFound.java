package io.novasim.model.error;

/** A request for something that does not exist or that the caller may not see. */
public final class ItemNotFound extends ComputeException {
    public ItemNotFound(String message) {
        super("itemNotFound", 404, message);
    }
}
