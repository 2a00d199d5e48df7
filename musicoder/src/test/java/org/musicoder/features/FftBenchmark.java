package org.musicoder.features;

import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.FloatFFT_1D;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Power spectra of all frames of the 30 s reference clip: JTransforms one frame at a time vs {@link FrameFft} in
 * batches of {@code width} frames, in the same JVM. {@code n} 2048 / hop 1024 / Hamming is the STFT (1292 frames);
 * {@code n} 512 / hop 128 / no window is the size of the CQT's per-octave FFTs (5165 frames, about 4 octaves'
 * worth). Both variants window, transform and write {@code |X|^2} into {@code [n/2 + 1][frames]}. The p0.50 line
 * is the median. Run (from the repository root):
 * <pre>
 * mvn -q -B -o -pl musicoder test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp musicoder/target/test-classes:musicoder/target/classes:$(cat musicoder/target/cp.txt) \
 *     org.openjdk.jmh.Main FftBenchmark -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class FftBenchmark {
    @Param({"2048", "512"})
    int n;
    @Param({"64"})
    int width;

    private float[] y;
    private float[] window;
    private int hop;
    private int frames;
    private float[][] out;
    private FloatFFT_1D jt;
    private float[][] spec;
    private FrameFft.Batch batch;

    @Setup
    public void load() {
        float[] clip = Fixtures.waveform("librosa/test30_wav");
        y = new float[clip.length + n];
        System.arraycopy(clip, 0, y, n / 2, clip.length);
        hop = n == 2048 ? 1024 : 128;
        frames = 1 + clip.length / hop;
        window = new float[n];
        for (int k = 0; k < n; k++) window[k] = n == 2048 ? (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * k / n)) : 1f;
        out = new float[n / 2 + 1][frames];
        jt = new FloatFFT_1D(n);
        spec = new float[width][n];
        batch = FrameFft.of(n).batch(width);
    }

    @Benchmark
    public float[][] jtransforms() {
        for (int t0 = 0; t0 < frames; t0 += width) {
            int count = Math.min(width, frames - t0);
            for (int b = 0; b < count; b++) {
                float[] s = spec[b];
                System.arraycopy(y, (t0 + b) * hop, s, 0, n);
                for (int k = 0; k < n; k++) s[k] *= window[k];
                jt.realForward(s);
            }
            Stft.transposePower(spec, count, out, t0);
        }
        return out;
    }

    @Benchmark
    public float[][] frameFft() {
        for (int t0 = 0; t0 < frames; t0 += width) {
            int count = Math.min(width, frames - t0);
            batch.frames(0, y, t0 * hop, hop, count, window);
            batch.transform();
            batch.power(out, t0, count);
        }
        return out;
    }
}
