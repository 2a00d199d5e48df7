package org.musicoder.audio;

import java.nio.file.Path;

/**
 * The part of a file to load, in seconds, converted to frames the way {@code librosa.load} (soundfile) does:
 * the first frame is {@code floor(offset * sr)}, the frame count {@code floor(duration * sr)}.
 *
 * @param offsetSeconds   start this many seconds in (finite, >= 0)
 * @param durationSeconds at most this many seconds; {@code <= 0} or NaN means to the end
 */
record Span(double offsetSeconds, double durationSeconds) {
    Span {
        if (!(offsetSeconds >= 0) || Double.isInfinite(offsetSeconds))
            throw new IllegalArgumentException("offset must be a finite number of seconds >= 0, got " + offsetSeconds);
    }

    /** Index of the first frame to return at {@code sampleRate} Hz. */
    long startFrame(int sampleRate) {
        return (long) (offsetSeconds * sampleRate);
    }

    /** Maximum number of frames to return at {@code sampleRate} Hz; {@code Long.MAX_VALUE} for "to the end". */
    long maxFrames(int sampleRate) {
        if (!(durationSeconds > 0)) return Long.MAX_VALUE;
        double frames = durationSeconds * sampleRate;
        return frames >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) frames;
    }

    /** The error for an offset past the end of a file of {@code totalFrames} frames. */
    AudioException pastEnd(Path file, int sampleRate, long totalFrames) {
        return new AudioException(file, String.format("offset %.6g s (frame %d) is past the end of the audio"
                + " (%d frames, %.6g s)", offsetSeconds, startFrame(sampleRate), totalFrames,
                totalFrames / (double) sampleRate));
    }
}
