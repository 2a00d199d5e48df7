package org.musicoder.features;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Extracts features of many files on a fixed number of threads; one file's failure does not stop the others. */
public final class FeatureBatch {
    private FeatureBatch() {}

    /** How one file went: {@code features} on success, else {@code error}. */
    public record Result(Path input, float[][] features, Exception error, double seconds) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Computes the features of one file. */
    @FunctionalInterface
    public interface Job {
        float[][] apply(Path input) throws Exception;
    }

    /**
     * Runs {@code job} on each input with {@code threads} worker threads and hands each result to {@code sink} in
     * input order, as soon as it and all earlier ones are done (so a consumer can write files while others compute).
     *
     * @param threads number of worker threads (>= 1)
     * @return number of failed inputs
     */
    public static int run(List<Path> inputs, int threads, Job job, Consumer<Result> sink) throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "features");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = inputs.stream().map(p -> pool.submit(() -> runOne(p, job))).toList();
            int failed = 0;
            for (Future<Result> f : futures) {
                Result r;
                try {
                    r = f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                if (!r.ok()) failed++;
                sink.accept(r);
            }
            return failed;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result runOne(Path p, Job job) {
        long t0 = System.nanoTime();
        try {
            return new Result(p, job.apply(p), null, (System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            return new Result(p, null, e, (System.nanoTime() - t0) / 1e9);
        }
    }
}
