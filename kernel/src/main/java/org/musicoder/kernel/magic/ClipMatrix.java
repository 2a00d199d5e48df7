package org.musicoder.kernel.magic;

import java.nio.file.Path;

/**
 * A clip's 324-dim features as {@code %features} binds them ({@code features}).
 *
 * @param name  the clip's name ({@code dataset:ID} or the file name)
 * @param audio the audio file
 * @param raw   raw features, {@code [frames][324]} (before CMVN)
 * @param cmvn  per-clip CMVN features, {@code [frames][324]} (what the model and the masks see)
 */
public record ClipMatrix(String name, Path audio, float[][] raw, float[][] cmvn) {
    /** Frames (rows). */
    public int frames() {
        return raw.length;
    }

    @Override
    public String toString() {
        return name + ": " + raw.length + " frames x " + (raw.length == 0 ? 0 : raw[0].length) + " dims";
    }
}
