package io.novasim.model.image;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What Glance keeps of an image's data once it is stored: its size, MD5 {@code checksum} and SHA-512
 * {@code os_hash_value}. The simulator keeps no bytes.
 */
public record ImageData(long sizeBytes, String checksum, String sha512) {
    public ImageData {
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(sha512, "sha512");
    }

    /** The data a client uploaded. */
    public static ImageData of(byte[] bytes) {
        return new ImageData(bytes.length, hex("MD5", bytes), hex("SHA-512", bytes));
    }

    /**
     * The data of an image whose bytes the simulator never sees (a setup's, or a server's snapshot): its size, and
     * hashes drawn from its id, the same on every run.
     */
    public static ImageData standIn(String imageId, long sizeBytes) {
        byte[] seed = ("novasim-image:" + imageId).getBytes(StandardCharsets.UTF_8);
        return new ImageData(sizeBytes, hex("MD5", seed), hex("SHA-512", seed));
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}
