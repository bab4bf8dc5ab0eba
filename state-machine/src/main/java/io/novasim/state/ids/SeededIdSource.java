package io.novasim.state.ids;

import java.util.UUID;

/**
 * A deterministic {@link IdSource}: the same seed gives the same ids in the same order. Resource ids, request ids and
 * secrets come from separate streams split off one seed, so drawing one kind never moves another.
 */
public final class SeededIdSource implements IdSource {
    private static final char[] PASSWORD_CHARS =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** "keypairs" in ASCII: the key stream is seeded from the seed itself, not split off the others (see there). */
    private static final long KEY_STREAM = 0x6b65797061697273L;
    private static final int KEY_BYTES = 32;

    private final SplitMix resources;
    private final SplitMix requests;
    private final SplitMix secrets;
    private final SplitMix macs;
    private final SplitMix chances;
    /**
     * Key material, seeded as the HTTP adapter seeded it when it kept key pairs, so that a seed generates the keys it
     * always has; not split off the root, so that no other stream moves.
     */
    private final SplitMix keys;

    public SeededIdSource(long seed) {
        SplitMix root = new SplitMix(seed);
        this.resources = root.split();
        this.requests = root.split();
        this.secrets = root.split();
        this.macs = root.split();
        this.chances = root.split();
        this.keys = new SplitMix(seed ^ KEY_STREAM);
    }

    private SeededIdSource(SeededIdSource original) {
        this.resources = original.resources.copy();
        this.requests = original.requests.copy();
        this.secrets = original.secrets.copy();
        this.macs = original.macs.copy();
        this.chances = original.chances.copy();
        this.keys = original.keys.copy();
    }

    @Override
    public IdSource copy() {
        return new SeededIdSource(this);
    }

    @Override
    public byte[] keyMaterial() {
        byte[] material = new byte[KEY_BYTES];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) keys.nextInt(256);
        }
        return material;
    }

    @Override
    public String macAddress() {
        int low = macs.nextInt(1 << 24);
        char[] mac = "fa:16:3e:00:00:00".toCharArray();
        for (int octet = 0; octet < 3; octet++) {
            int value = (low >>> (16 - 8 * octet)) & 0xff;
            mac[9 + 3 * octet] = HEX[value >>> 4];
            mac[10 + 3 * octet] = HEX[value & 0xf];
        }
        return new String(mac);
    }

    @Override
    public double chance() {
        return chances.nextDouble();
    }

    @Override
    public String uuid() {
        return uuid4(resources);
    }

    @Override
    public String requestId() {
        return "req-" + uuid4(requests);
    }

    @Override
    public String password() {
        char[] chars = new char[12];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = PASSWORD_CHARS[secrets.nextInt(PASSWORD_CHARS.length)];
        }
        return new String(chars);
    }

    private static String uuid4(SplitMix random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
