package org.musicoder.pretrain;

/** The run's independent random streams, all derived from its one seed. */
final class Seeds {
    private Seeds() {}

    /** Initial state of the masking draws. */
    static long mask(long seed) {
        return mix(seed, 1);
    }

    /** Initial state of the crop draws. */
    static long data(long seed) {
        return mix(seed, 2);
    }

    /** Seed of libtorch's generator for the model's initial weights. */
    static long init(long seed) {
        return mix(seed, 3);
    }

    /** Seed of libtorch's generator (dropout) for one step: a function of the seed and the step only. */
    static long dropout(long seed, long step) {
        return mix(mix(seed, 4), step);
    }

    /** SplitMix64's finaliser of {@code a} combined with {@code b}. */
    private static long mix(long a, long b) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
