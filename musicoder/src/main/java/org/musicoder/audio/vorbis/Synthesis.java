package org.musicoder.audio.vorbis;

import com.jcraft.jogg.Packet;

/**
 * The JOrbis calls a Vorbis decode makes once its Ogg pages are split into packets (jogg, which has no shared
 * state, stays in the caller's class loader). An interface, so that each implementation can come from a class
 * loader of its own: see {@link JOrbisPool}.
 */
public interface Synthesis {
    /** Feeds the next of the three header packets; false if it is not a valid Vorbis header. */
    boolean headerIn(Packet packet);

    /** Sample rate in Hz, from the identification header. */
    int rate();

    /** Number of channels, from the identification header. */
    int channels();

    /** Prepares decoding; call once, after the three headers. */
    void start();

    /** Decodes one audio packet; false if it was skipped (not an audio packet). */
    boolean blockIn(Packet packet);

    /**
     * Frames ready to be read: {@code pcm[0][c][index[c] + i]} is channel {@code c}'s sample {@code i}, float in
     * [-1, 1]; 0 when the next packet is needed.
     */
    int pcmOut(float[][][] pcm, int[] index);

    /** Marks {@code frames} returned by {@link #pcmOut} as consumed. */
    void read(int frames);
}
