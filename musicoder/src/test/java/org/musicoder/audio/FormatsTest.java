package org.musicoder.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musicoder.io.Npy;

/**
 * Every WAV/AU/AIFF/FLAC sample encoding against librosa: files written by soundfile (3 channels; also 1, 9 and 130
 * channels, where numpy's summation order shows) and the mono waveforms {@code librosa.load(sr=None)} returned
 * for them (fixtures/audio/formats, made by make_formats.py; ff_fl32.aifc by ffmpeg). Compared bit for bit, sign
 * of zero included.
 */
class FormatsTest {
    @ParameterizedTest
    @ValueSource(strings = {"wav_u8.wav", "wav_s16.wav", "wav_s24.wav", "wav_s32.wav", "wav_f32.wav", "wav_f64.wav",
            "wav_ulaw.wav", "wav_alaw.wav", "wavex_s24.wav", "wavex_f32.wav", "rf64_s16.wav", "au_s8.au",
            "au_s16.au", "au_s24.au", "au_s32.au", "au_f32.au", "au_f64.au", "au_ulaw.au", "au_alaw.au",
            "flac_s24.flac", "wav_f32_mono.wav", "wav_f32_9ch.wav", "wav_f32_130ch.wav", "aiff_s8.aiff",
            "aiff_s16.aiff", "aiff_s24.aiff", "aiff_s32.aiff", "aifc_u8.aifc", "aifc_f32.aifc", "aifc_f64.aifc",
            "aifc_ulaw.aifc",
            "aifc_alaw.aifc", "aifc_sowt16.aifc", "aifc_twos16.aifc", "aifc_le24.aifc", "aifc_in24.aifc",
            "aifc_le32.aifc", "aifc_in32.aifc", "ff_fl32.aifc"})
    void matchesLibrosaBitForBit(String name) throws Exception {
        Path file = Signals.fixture("audio/formats/" + name);
        float[] ref = Npy.read(Signals.fixture("audio/formats/" + name.substring(0, name.lastIndexOf('.'))
                + ".npy")).toFloat();
        Waveform w = AudioLoader.load(file, 0, 0);
        assertEquals(11025, w.sampleRate());
        assertArrayEquals(ref, w.samples(), name);
    }
}
