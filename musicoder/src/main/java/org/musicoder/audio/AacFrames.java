package org.musicoder.audio;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import net.sourceforge.jaad.aac.AACException;
import net.sourceforge.jaad.aac.Decoder;
import net.sourceforge.jaad.aac.Receiver;
import net.sourceforge.jaad.aac.syntax.ICStream;
import net.sourceforge.jaad.mp4.MP4Exception;

/**
 * AAC frames of an MP4 track, decoded with javasound-aac (JAAD), whose float output is 16-bit scaled. JAAD draws the
 * noise of perceptual noise substitution (PNS, used by ffmpeg's encoder) from one static generator; each file keeps
 * a generator state of its own, swapped in around every frame under a lock, so a decode is the same on every call
 * and whatever other threads decode.
 */
final class AacFrames extends M4aDecoder.Frames implements Receiver {
    /**
     * JAAD logs each damaged frame ("unexpected end of frame") to the console through java.util.logging; the
     * decoder's own error says what matters, once. Created before JAAD's loggers, so they are its children.
     */
    private static final Logger JAAD_LOG = quiet(Logger.getLogger("jaad"));
    /** JAAD's PNS generator state and its initial value; null if this JAAD version has no such field. */
    private static final Field NOISE = noiseField();
    private static final int NOISE_SEED = 523124044;
    private static final Object LOCK = new Object();

    private final Decoder decoder;
    private int noise = NOISE_SEED;
    private float[] pcm = new float[0];
    private int frames;

    private AacFrames(Decoder decoder, int rate, int channels) {
        super(rate, channels);
        this.decoder = decoder;
    }

    /** A decoder for track {@code t} (an {@code mp4a} entry with an AAC object type and AudioSpecificConfig). */
    static AacFrames create(Path file, Mp4Track t) throws AudioException {
        int type = t.objectType();
        if (type == 0x69 || type == 0x6B)
            throw new AudioException(file, "unsupported MP4 audio codec: MP3 in MP4 (object type 0x"
                    + Integer.toHexString(type) + ")");
        if (type != 0x40 && type != 0x66 && type != 0x67 && type != 0x68)
            throw new AudioException(file, "unsupported MP4 audio codec: mp4a object type 0x"
                    + Integer.toHexString(type) + (type == 0 ? " (no esds box)" : ""));
        if (t.config().length < 2) throw new AudioException(file, "invalid AAC track: no AudioSpecificConfig");
        try {
            Decoder d = Decoder.create(t.config());
            int rate = d.getConfig().getOutputFrequency().getFrequency();
            int channels = d.getConfig().getChannelCount();
            if (channels <= 0) channels = t.channels();
            if (rate <= 0 || channels <= 0)
                throw new AudioException(file, "invalid or unsupported AudioSpecificConfig (rate " + rate
                        + ", " + channels + " channels)");
            return new AacFrames(d, rate, channels);
        } catch (MP4Exception | RuntimeException e) {
            throw new AudioException(file, "unsupported or invalid AAC configuration: " + e.getMessage());
        }
    }

    @Override
    int decode(byte[] frame, int length, float[][] out) throws AACException {
        frames = 0;
        byte[] b = Arrays.copyOf(frame, length);
        synchronized (LOCK) {
            try {
                if (NOISE != null) NOISE.setInt(null, noise);
                decoder.decodeFrame(b, this);
                if (NOISE != null) noise = NOISE.getInt(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        out[0] = pcm;
        return frames;
    }

    private static Field noiseField() {
        try {
            Field f = ICStream.class.getDeclaredField("randomState");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void accept(List<float[]> samples, int length, int sampleRate) {
        int channels = channels();
        int c = Math.min(channels, samples.size());
        if (pcm.length < length * channels) pcm = new float[length * channels];
        for (int ch = 0; ch < c; ch++) {
            float[] x = samples.get(ch);
            for (int i = 0; i < length; i++) pcm[i * channels + ch] = x[i] * 0x1p-15f;
        }
        frames = length;
    }

    private static Logger quiet(Logger log) {
        log.setUseParentHandlers(false);
        return log;
    }
}
