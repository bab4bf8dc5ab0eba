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

    /** Digests data as it comes, piece by piece: an upload of any size is never held whole. */
    public static final class Digest {
        private final MessageDigest md5 = digest("MD5");
        private final MessageDigest sha512 = digest("SHA-512");
        private long size;

        public void update(byte[] buffer, int offset, int length) {
            md5.update(buffer, offset, length);
            sha512.update(buffer, offset, length);
            size += length;
        }

        /** The data digested so far. */
        public ImageData finish() {
            return new ImageData(size, HexFormat.of().formatHex(md5.digest()),
                    HexFormat.of().formatHex(sha512.digest()));
        }
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
        return HexFormat.of().formatHex(digest(algorithm).digest(bytes));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every JVM", e);
        }
    }
}
