package org.musicoder.features;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Extracts features of many files (or does any per-item work, {@link #inOrder}) on a fixed number of threads; one
 * file's failure does not stop the others.
 */
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
        int[] failed = {0};
        inOrder(inputs, threads, "features", p -> runOne(p, job), (i, r, error) -> {
            if (error != null) throw new IllegalStateException(error); // runOne catches every Exception
            if (!r.ok()) failed[0]++;
            sink.accept(r);
        });
        return failed[0];
    }

    /** Work on one item. */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Receives item {@code i}'s result, or the exception its work threw ({@code result} is then null). */
    @FunctionalInterface
    public interface Outcome<R> {
        void accept(int i, R result, Exception error);
    }

    /**
     * Runs {@code work} on each item with {@code threads} daemon worker threads named {@code name} and hands each
     * outcome to {@code sink} in item order, as soon as it and all earlier ones are done; one item's exception does not
     * stop the others. At most {@code 2 * threads} items are started and not yet handed over, so memory stays flat
     * however many items there are and however slow the sink is.
     *
     * @param threads number of worker threads (>= 1)
     */
    public static <T, R> void inOrder(List<T> items, int threads, String name, Work<T, R> work, Outcome<R> sink)
            throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<R>> window = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < items.size(); i++) {
                for (; next < items.size() && next < i + 2 * threads; next++) {
                    T item = items.get(next);
                    window.add(pool.submit(() -> work.apply(item)));
                }
                R result;
                try {
                    result = window.poll().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof Exception cause)) throw new IllegalStateException(e.getCause());
                    sink.accept(i, null, cause);
                    continue;
                }
                sink.accept(i, result, null);
            }
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
