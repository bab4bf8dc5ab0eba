package io.novasim.state.ids;

/**
 * The SplitMix64 generator of Steele, Lea and Flood ("Fast splittable pseudorandom number generators", OOPSLA 2014),
 * drawing exactly what {@link java.util.SplittableRandom} draws from the same seed, call for call, and which, unlike
 * it, can be copied: an exploration forks the engine, ids and all, instead of rebuilding it. {@code SplitMixTest}
 * holds it to the JDK's generator.
 */
final class SplitMix {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private final long gamma;

    SplitMix(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private SplitMix(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** A generator that draws what this one would draw from now on, without moving this one. */
    SplitMix copy() {
        return new SplitMix(seed, gamma);
    }

    /** A new generator split off this one, as {@link java.util.SplittableRandom#split()} makes it. */
    SplitMix split() {
        return new SplitMix(nextLong(), mixGamma(nextSeed()));
    }

    long nextLong() {
        return mix64(nextSeed());
    }

    int nextInt() {
        return mix32(nextSeed());
    }

    /** Uniform in [0, bound), by the same rejection as the JDK's, so that the same draws are consumed. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // rejected: the draw fell in the partial last block
        }
        return r;
    }

    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
