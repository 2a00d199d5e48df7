package org.musicoder.audio;

import java.util.Arrays;

/**
 * Collects decoded mono samples: drops the first {@code skip} frames, keeps at most {@code limit}, and grows its
 * buffer only when the pre-sized capacity runs out, so a decoded file is held in memory once.
 */
final class MonoSink {
    /** Largest number of samples a Java float array can hold. */
    static final int MAX_FRAMES = Integer.MAX_VALUE - 8;

    private final String file;
    private final long limit;
    private long toSkip;
    private float[] data;
    private int size;

    /**
     * @param file     file name for error messages
     * @param skip     frames to drop before keeping any (the start offset, and decoder delay)
     * @param limit    frames to keep at most ({@code Long.MAX_VALUE}: all)
     * @param expected frames expected to be kept (pre-sizes the buffer; must be plausible, not a raw header value)
     */
    MonoSink(String file, long skip, long limit, long expected) throws AudioException {
        this.file = file;
        this.toSkip = skip;
        this.limit = limit;
        this.data = allocate(file, Math.max(0, Math.min(expected, limit)));
    }

    /** True once all frames to skip are dropped and {@code limit} frames are kept: the decoder may stop. */
    boolean full() {
        return toSkip == 0 && size >= limit;
    }

    /** Frames still to be dropped before samples are kept. */
    long toSkip() {
        return toSkip;
    }

    /** Keeps one mono frame (call once {@link #skip} has dropped what it must); ignored when full. */
    void add(float sample) throws AudioException {
        if (size >= limit) return;
        if (size == data.length) grow();
        data[size++] = sample;
    }

    /** Drops up to {@code n} frames without offering them; returns how many were dropped. */
    long skip(long n) {
        long k = Math.min(n, toSkip);
        toSkip -= k;
        return k;
    }

    /** The kept samples (the buffer itself when it is exactly full, else a trimmed copy). */
    float[] toArray() {
        return size == data.length ? data : Arrays.copyOf(data, size);
    }

    private void grow() throws AudioException {
        if (size >= MAX_FRAMES) throw tooLong(file, (long) size + 1);
        long next = Math.min(MAX_FRAMES, Math.max(1 << 16, size + (size >> 1)));
        float[] bigger = allocate(file, next);
        System.arraycopy(data, 0, bigger, 0, size);
        data = bigger;
    }

    /**
     * Allocates room for {@code frames} mono samples, or fails with a clear message instead of an
     * {@link OutOfMemoryError}.
     */
    static float[] allocate(String file, long frames) throws AudioException {
        if (frames > MAX_FRAMES) throw tooLong(file, frames);
        long bytes = 4 * frames;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap)
            throw new AudioException(file, String.format("%d samples need %d MiB, more than the maximum heap (%d MiB);"
                    + " load a shorter span (offset/duration) or raise -Xmx", frames, bytes >> 20, heap >> 20), null);
        try {
            return new float[(int) frames];
        } catch (OutOfMemoryError e) {
            throw new AudioException(file, String.format("out of memory allocating %d samples (%d MiB);"
                    + " load a shorter span (offset/duration) or raise -Xmx", frames, bytes >> 20), null);
        }
    }

    private static AudioException tooLong(String file, long frames) {
        return new AudioException(file, String.format("%d samples are more than one array can hold (%d);"
                + " load a shorter span (offset/duration)", frames, MAX_FRAMES), null);
    }
}
