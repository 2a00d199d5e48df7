package org.musicoder.features;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-block timings on the 30 s reference clip ({@code fixtures/librosa/test30_wav/y.npy}), one thread; the p0.50
 * line of each result is the median. Run (from the repository root):
 * <pre>
 * mvn -q -B -o -pl musicoder test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp musicoder/target/test-classes:musicoder/target/classes:$(cat musicoder/target/cp.txt) \
 *     org.openjdk.jmh.Main FeatureBenchmark -t 1
 * </pre>
 * {@code spectralBlocks} is everything but the CQT (librosa's CQT magnitude is passed in); {@code extract} is the
 * whole 324-dim extraction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class FeatureBenchmark {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;
    private final FeatureExtractor extractor = new FeatureExtractor();
    private float[] y;
    private double[][] cqt;
    private float[][] power;
    private float[][] mel;
    private float[][] mfcc;
    private Features features;

    @Setup
    public void load() {
        String dir = "librosa/test30_wav";
        y = Fixtures.waveform(dir);
        cqt = LogMelTest.toDouble(Fixtures.load(dir, "cqt_mag").toFloat2d());
        power = Stft.power(y, CFG);
        mel = MelFilterbank.of(CFG).apply(power);
        mfcc = Mfcc.fromMelPower(mel, CFG.nMfcc());
        features = extractor.extract(y, CFG, cqt);
    }

    @Benchmark
    public float[][] stft() {
        return Stft.power(y, CFG);
    }

    @Benchmark
    public float[][] chroma() {
        return Chroma.of(CFG).apply(power);
    }

    @Benchmark
    public float[][] mel() {
        return MelFilterbank.of(CFG).apply(power);
    }

    @Benchmark
    public float[][] mfcc() {
        return Mfcc.fromMelPower(mel, CFG.nMfcc());
    }

    @Benchmark
    public float[][] delta() {
        return Delta.of(mfcc, CFG.deltaWidth());
    }

    @Benchmark
    public float[][] logMel() {
        return LogMel.of(mel, CFG.eps());
    }

    @Benchmark
    public float[][] logCqt() {
        return LogMel.of(cqt, CFG.eps());
    }

    @Benchmark
    public float[][] rawAndCmvn() {
        return features.cmvn();
    }

    @Benchmark
    public Features spectralBlocks() {
        return extractor.extract(y, CFG, cqt);
    }

    @Benchmark
    public float[][] extract() {
        return extractor.extract(y, CFG).cmvn();
    }
}
