package org.musicoder.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.musicoder.features.FeatureConfig;
import org.musicoder.features.FeatureExtractor;
import org.musicoder.io.Npy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full 324-dim extraction of the decoded 30 s {@code test30.wav} (44.1 kHz mono, librosa's own {@code y.npy}),
 * one thread. Run with {@code environment/bench-features.sh}, which also times librosa in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FeaturesBench {
    float[] y;

    @Setup
    public void load() throws Exception {
        String dir = System.getProperty("musicoder.fixtures", "src/test/resources/fixtures");
        y = Npy.read(Path.of(dir, "librosa/test30_wav/y.npy")).toFloat();
    }

    @Benchmark
    public Object extract324() {
        return FeatureExtractor.extract(y, FeatureConfig.PAPER).raw();
    }
}
