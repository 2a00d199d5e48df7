package org.musicoder.audio;

import java.nio.file.Path;

/** One container/codec: recognizes its files by their first bytes and decodes them to a mono waveform. */
interface AudioDecoder {
    /** Bytes of the file start {@link #recognizes} needs at most. */
    int HEAD_BYTES = 16;

    /**
     * Whether a file starting with {@code head} is in this decoder's format.
     *
     * @param head the first {@code min(HEAD_BYTES, file size)} bytes of the file
     */
    boolean recognizes(byte[] head);

    /**
     * Decodes the part of {@code file} selected by {@code span} to mono (mean of channels, float32 in [-1, 1])
     * at the file's native rate.
     *
     * @param file      a readable, non-empty file that {@link #recognizes} accepted
     * @param byteStart byte offset where the format's own data begins (past ID3v2 tags that precede it)
     * @param span      which frames to return
     */
    Waveform decode(Path file, long byteStart, Span span) throws AudioException;
}
