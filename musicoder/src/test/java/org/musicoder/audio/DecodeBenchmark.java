package org.musicoder.audio;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Time to load the 30 s test clip in each format (mono, native rate). Run after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:DEPS org.openjdk.jmh.Main DecodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
    @Param({"wav", "flac", "ogg", "mp3"})
    public String format;

    private Path file;

    @Setup
    public void locate() {
        file = Signals.fixture("audio/test30." + format);
    }

    @Benchmark
    public float[] load() throws AudioException {
        return AudioLoader.load(file, 0, 0).samples();
    }
}
