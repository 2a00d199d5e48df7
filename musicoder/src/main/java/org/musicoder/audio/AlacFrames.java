package org.musicoder.audio;

import java.nio.file.Path;

/** Apple Lossless frames: to be written. */
final class AlacFrames {
    static M4aDecoder.Frames create(Path file, byte[] config) throws AudioException {
        throw new AudioException(file, "ALAC not yet supported");
    }
}
