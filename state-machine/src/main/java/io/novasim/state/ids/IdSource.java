package io.novasim.state.ids;

/** Where every generated value comes from, so that a seed reproduces a run. Called only under the engine's lock. */
public interface IdSource {
    /** A resource id in Nova's form: a random (version 4) UUID. */
    String uuid();

    /** A request id, {@code req-<uuid>}, drawn from a stream of its own so that reads do not shift resource ids. */
    String requestId();

    /** An administrator password, as Nova returns from rescue and create. */
    String password();

    /** 32 bytes of key material for a key pair (its fingerprint, and the key itself when one is generated). */
    byte[] keyMaterial();

    /** A MAC address in OpenStack's default {@code fa:16:3e} range. */
    String macAddress();

    /** A uniform draw in [0, 1), for faults that fire with a probability. */
    double chance();

    /** A source that draws from here on what this one would, without moving this one: for forking the engine. */
    IdSource copy();
}
