package org.musicoder.masking;

/**
 * The random source of all masking draws: SplitMix64 (Steele, Lea and Flood 2014), the generator behind
 * {@link java.util.SplittableRandom}, whose {@code nextLong()} and {@code nextDouble()} this reproduces bit for bit
 * for the same seed. Unlike {@code SplittableRandom} its whole state is one {@code long}, readable with
 * {@link #state()} and settable with {@link #restore(long)}, so a checkpoint can store it and a resumed run continues
 * with identical draws. Pure 64-bit integer arithmetic: the same on every JVM. Not thread-safe.
 */
public final class MaskRng {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    /** @param seed initial state; {@code new MaskRng(x)} and {@code restore(x)} are the same thing */
    public MaskRng(long seed) {
        state = seed;
    }

    /** @return the whole generator state; {@code new MaskRng(state())} continues with the same draws */
    public long state() {
        return state;
    }

    /** @param state a value from {@link #state()}; the next draws are those that followed it */
    public void restore(long state) {
        this.state = state;
    }

    /** @return 64 uniform random bits */
    public long nextLong() {
        long z = state += GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return uniform in {@code [0, 1)}, a multiple of 2^-53 (one {@link #nextLong()}) */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Exactly uniform integer by rejection: 31-bit draws above the largest multiple of {@code bound} are redrawn.
     *
     * @param bound number of values, {@code >= 1}
     * @return uniform in {@code {0, ..., bound - 1}}
     */
    public int nextInt(int bound) {
        if (bound < 1) throw new IllegalArgumentException("MaskRng: bound must be >= 1, got " + bound);
        while (true) {
            int bits = (int) (nextLong() >>> 33);
            int value = bits % bound;
            if (bits - value + (bound - 1) >= 0) return value; // no int overflow: bits is not in the partial last block
        }
    }
}
