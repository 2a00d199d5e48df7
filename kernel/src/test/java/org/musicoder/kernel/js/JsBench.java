package org.musicoder.kernel.js;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * Timings of JS cells for docs/benchmarks.md: the first cell of a fresh JVM (GraalVM start-up; wall and
 * process CPU time), how long {@link JsSession#interrupt()} takes to stop {@code while (true) {}}, a later
 * small cell, and per-column mean/std normalisation of a 1292 x 324 feature matrix (30 s of audio) by a JS loop over
 * the Java {@code float[][]}, by a JS loop over a {@code Float32Array} viewing a Java {@code ByteBuffer}, and by the
 * same loop in plain Java; also what reading a JS {@code Float32Array} back into Java costs. Prints one
 * {@code name<TAB>value} line per measurement (milliseconds). Run by {@code environment/bench-js.sh}, which runs it on
 * JDK 17 (interpreter) and on a JDK with JVMCI (optimizing), alternating.
 *
 * <p>Usage: {@code JsBench startup} (the first and a later cell only) or {@code JsBench loops [reps]} (everything,
 * each loop {@code reps} times, default 30). The matrix is Gaussian noise (seed 1): the loops' cost does not depend on
 * the values.
 */
public final class JsBench {
    static final int FRAMES = 1292;
    static final int DIMS = 324;

    private static final String NORMALISE = ""
            + "function normalise(m) {\n"
            + "  const rows = m.length, cols = m[0].length;\n"
            + "  for (let j = 0; j < cols; j++) {\n"
            + "    let s = 0;\n"
            + "    for (let i = 0; i < rows; i++) s += m[i][j];\n"
            + "    const mean = s / rows;\n"
            + "    let q = 0;\n"
            + "    for (let i = 0; i < rows; i++) { const d = m[i][j] - mean; q += d * d; }\n"
            + "    const std = Math.max(Math.sqrt(q / rows), 1e-8);\n"
            + "    for (let i = 0; i < rows; i++) m[i][j] = (m[i][j] - mean) / std;\n"
            + "  }\n"
            + "}\n"
            + "function normaliseFlat(v, rows, cols) {\n"
            + "  for (let j = 0; j < cols; j++) {\n"
            + "    let s = 0;\n"
            + "    for (let i = 0; i < rows; i++) s += v[i * cols + j];\n"
            + "    const mean = s / rows;\n"
            + "    let q = 0;\n"
            + "    for (let i = 0; i < rows; i++) { const d = v[i * cols + j] - mean; q += d * d; }\n"
            + "    const std = Math.max(Math.sqrt(q / rows), 1e-8);\n"
            + "    for (let i = 0; i < rows; i++) v[i * cols + j] = (v[i * cols + j] - mean) / std;\n"
            + "  }\n"
            + "}\n";

    private JsBench() {}

    /**
     * @param args {@code startup}, or {@code loops} and optionally the number of repetitions of each loop
     * @throws JsError if a benchmark cell fails
     * @throws InterruptedException if interrupted while waiting for a cell
     */
    public static void main(String[] args) throws JsError, InterruptedException {
        boolean loops = args.length > 0 && args[0].equals("loops");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        float[][] original = gaussian(FRAMES, DIMS, 1);
        float[][] m = copy(original);
        ByteBuffer bytes = ByteBuffer.allocateDirect(FRAMES * DIMS * Float.BYTES).order(ByteOrder.nativeOrder());
        FloatBuffer flat = bytes.asFloatBuffer();

        try (JsSession js = new JsSession()) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            js.eval("1 + 1");
            print("first_cell_ms", ms(System.nanoTime() - t0));
            print("first_cell_cpu_ms", ms(processCpuNanos() - cpu0));
            print("mode", js.mode().name());

            js.put("m", m);
            js.put("bytes", bytes);
            js.eval(NORMALISE + "var v = new Float32Array(new ArrayBuffer(bytes));");
            double[] later = new double[31];
            for (int r = 0; r < later.length; r++) {
                long t = System.nanoTime();
                js.eval("summary = {frames: m.length, dims: m[0].length, first: m[0][0], cell: " + r + "}");
                later[r] = ms(System.nanoTime() - t);
            }
            print("later_cell_ms", median(later));
            print("interrupt_ms", median(interruptLatencies(js, 7)));
            if (!loops) return;

            Timings host = new Timings(reps);
            Timings typed = new Timings(reps);
            Timings java = new Timings(reps);
            for (int r = 0; r < reps; r++) {
                restore(m, original);
                host.start();
                js.eval("normalise(m)");
                host.stop(r);

                fill(flat, original);
                typed.start();
                js.eval("normaliseFlat(v, " + FRAMES + ", " + DIMS + ")");
                typed.stop(r);

                float[][] j = copy(original);
                java.start();
                normalise(j);
                java.stop(r);
                if (r == 0) {
                    print("check_max_diff_host_vs_java", maxDiff(m, j));
                    print("check_max_diff_typed_vs_java", maxDiff(flat, j));
                }
            }
            host.report("loop_js_host_float2d");
            typed.report("loop_js_float32array");
            java.report("loop_java");

            js.eval("f = v.slice()");
            double[] read = new double[11];
            for (int r = 0; r < read.length; r++) {
                long t = System.nanoTime();
                float[] back = (float[]) js.get("f");
                read[r] = ms(System.nanoTime() - t);
                if (back.length != FRAMES * DIMS) throw new IllegalStateException("read " + back.length + " floats");
            }
            print("get_float32array_418608_ms", median(read));
        }
    }

    /** Milliseconds from {@link JsSession#interrupt()} to the {@code while (true) {}} cell's end, {@code n} times. */
    private static double[] interruptLatencies(JsSession js, int n) throws InterruptedException {
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            CountDownLatch running = new CountDownLatch(1);
            js.put("running", (Runnable) running::countDown);
            long[] ended = new long[1];
            Thread cell = new Thread(() -> {
                try {
                    js.eval("running.run(); while (true) {}");
                } catch (JsError e) {
                    ended[0] = System.nanoTime();
                }
            });
            cell.start();
            running.await();
            Thread.sleep(200);
            long t = System.nanoTime();
            js.interrupt();
            cell.join();
            out[r] = ms(ended[0] - t);
        }
        return out;
    }

    /** Per column (x - mean) / max(std, 1e-8), std with ddof 0: the loop the JS cells run, in Java. */
    static void normalise(float[][] m) {
        int rows = m.length, cols = m[0].length;
        for (int j = 0; j < cols; j++) {
            double s = 0;
            for (float[] row : m) s += row[j];
            double mean = s / rows;
            double q = 0;
            for (float[] row : m) {
                double d = row[j] - mean;
                q += d * d;
            }
            double std = Math.max(Math.sqrt(q / rows), 1e-8);
            for (float[] row : m) row[j] = (float) ((row[j] - mean) / std);
        }
    }

    /**
     * Wall and CPU time of the timed thread per repetition. The thread's CPU time leaves out the time other jobs on a
     * shared machine take the core away, and the compiler threads' work.
     */
    private static final class Timings {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final double[] wall;
        private final double[] cpu;
        private long wall0;
        private long cpu0;

        Timings(int reps) {
            wall = new double[reps];
            cpu = new double[reps];
        }

        void start() {
            cpu0 = threads.getCurrentThreadCpuTime();
            wall0 = System.nanoTime();
        }

        void stop(int rep) {
            wall[rep] = ms(System.nanoTime() - wall0);
            cpu[rep] = ms(threads.getCurrentThreadCpuTime() - cpu0);
        }

        /** The first run (includes compilation), the median of the last third (steady state), the fastest, all runs. */
        void report(String name) {
            int n = wall.length;
            print(name + "_first_ms", wall[0]);
            print(name + "_steady_median_ms", median(Arrays.copyOfRange(wall, n - n / 3, n)));
            print(name + "_steady_median_cpu_ms", median(Arrays.copyOfRange(cpu, n - n / 3, n)));
            print(name + "_min_ms", Arrays.stream(wall).min().orElseThrow());
            StringBuilder all = new StringBuilder();
            for (double r : wall) all.append(String.format(" %.1f", r));
            print(name + "_runs_ms", all.toString().trim());
        }
    }

    private static float[][] gaussian(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[][] m = new float[rows][cols];
        for (float[] row : m) for (int j = 0; j < cols; j++) row[j] = (float) r.nextGaussian();
        return m;
    }

    private static float[][] copy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    private static void restore(float[][] m, float[][] from) {
        for (int i = 0; i < m.length; i++) System.arraycopy(from[i], 0, m[i], 0, from[i].length);
    }

    private static void fill(FloatBuffer flat, float[][] from) {
        flat.clear();
        for (float[] row : from) flat.put(row);
        flat.clear();
    }

    private static double maxDiff(float[][] a, float[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) d = Math.max(d, Math.abs(a[i][j] - b[i][j]));
        return d;
    }

    private static double maxDiff(FloatBuffer flat, float[][] b) {
        double d = 0;
        int cols = b[0].length;
        for (int i = 0; i < b.length; i++) for (int j = 0; j < cols; j++) d = Math.max(d, Math.abs(flat.get(i * cols + j) - b[i][j]));
        return d;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** CPU time of the whole JVM (all threads, JIT compilers included): less affected by other jobs than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void print(String name, Object value) {
        System.out.println(name + "\t" + (value instanceof Double d ? String.format("%.3f", d) : value));
    }
}
