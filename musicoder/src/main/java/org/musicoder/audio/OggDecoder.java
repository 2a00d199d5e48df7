package org.musicoder.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ogg files: the first packet of the first logical stream says the codec; Vorbis goes to {@link VorbisDecoder},
 * Opus to {@link OggOpusDecoder}, anything else is "unsupported Ogg codec".
 */
final class OggDecoder implements AudioDecoder {
    @Override
    public boolean recognizes(byte[] head) {
        return head.length >= 4 && head[0] == 'O' && head[1] == 'g' && head[2] == 'g' && head[3] == 'S';
    }

    @Override
    public Waveform decode(Path file, long byteStart, Span span) throws AudioException {
        String codec = "Ogg";
        try (InputStream in = Files.newInputStream(file)) {
            OggReader ogg = new OggReader(in);
            if (!ogg.begin() || ogg.nextPacket() != 1)
                throw new AudioException(file, "truncated or invalid Ogg file: no complete first page");
            codec = OggReader.codecName(ogg.packet);
            return switch (codec) {
                case "Vorbis" -> VorbisDecoder.decode(file, ogg, span);
                case "Opus" -> OggOpusDecoder.decode(file, ogg, span);
                default -> throw new AudioException(file, "unsupported Ogg codec: " + codec);
            };
        } catch (AudioException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AudioException(file.toString(), "corrupt or unreadable Ogg " + codec + " data: " + e, e);
        } catch (OutOfMemoryError e) {
            throw new AudioException(file.toString(), "corrupt Ogg " + codec + " headers: decoding them needs more"
                    + " memory than the heap has", null);
        }
    }
}
