package io.novasim.model.network;

/** One entry of a server's {@code addresses}: a fixed IP of a bound port, under its network's name. */
public record ServerAddress(String networkName, String address, int version, String macAddress, String type) {
    public static final String FIXED = "fixed";
}
