package org.musicoder.bench;

import java.util.concurrent.TimeUnit;
import org.musicoder.audio.Resampler;
import org.musicoder.features.Cqt;
import org.musicoder.features.FeatureConfig;
import org.musicoder.testutil.Fixtures;
import org.openjdk.jmh.annotations.*;

/**
 * Single-thread timings of the CQT on the 30 s reference clip and of 10 s 22050 -> 44100 resampling. Run:
 * {@code mvn -q -pl musicoder test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt} then
 * {@code java -cp musicoder/target/test-classes:musicoder/target/classes:$(cat /tmp/cp.txt)
 * org.openjdk.jmh.Main CqtBench}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class CqtBench {
    float[] y30;
    float[] y22k;

    @Setup
    public void load() throws Exception {
        y30 = Fixtures.npy("librosa/test30_wav/y.npy").toFloat();
        y22k = Fixtures.wavMono16("audio/test10_mono22k.wav");
    }

    @Benchmark
    public double[][] cqt30s() {
        return Cqt.magnitude(y30, FeatureConfig.PAPER);
    }

    @Benchmark
    public float[] resample10s22050to44100() {
        return Resampler.resample(y22k, 22050, 44100, false);
    }
}
