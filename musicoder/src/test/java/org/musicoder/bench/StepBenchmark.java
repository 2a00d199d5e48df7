package org.musicoder.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.musicoder.model.Engines;
import org.musicoder.model.MusiCoderConfig;
import org.musicoder.pretrain.Pretrainer;
import org.musicoder.pretrain.StepBatch;

/**
 * Training-step speed of DJL ({@link Pretrainer#step(NDList)}) against the PyTorch twin
 * ({@code src/test/python/stepbench.py}, a child process kept alive), same configuration, thread count and the
 * same batch: one CFM-masked batch drawn once by {@link Pretrainer#nextBatch()}, put on the device once on the
 * DJL side and handed to the twin as {@code .npy} files. Both sides time only the model step (forward in training
 * mode, masked Huber, backward, Adam, zeroed gradients), never the drawing of crops and masks, in alternating
 * blocks of steps A B A B. Not a test: it prints, it asserts nothing.
 * Run by {@code environment/bench-step.sh}.
 *
 * <p>Usage: {@code StepBenchmark THREADS WARMUP STEPS BLOCK PYTHON_DIR CONFIG...}, each CONFIG
 * {@code name:hidden:layers:heads:batch:frames}. Per config: WARMUP steps on each side, then STEPS timed steps
 * each in blocks of BLOCK (torch block, DJL block, ...); prints the medians, DJL/torch, and GFLOP/s by
 * {@link #flops}. Once per run: a 1024^3 float32 matmul on both sides (median of 20).
 */
public final class StepBenchmark {
    private StepBenchmark() {}

    /**
     * Analytic FLOPs of one training step (forward + backward): {@code 6 * P * B * T + 12 * L * B * T^2 * H},
     * P = weights in matmuls (input projection 324 H, per layer 12 H^2, head H^2 + 324 H), the second term the
     * two attention matmuls (Q K^T and A V, 4 B T^2 H per layer forward), backward counted as twice the forward.
     * Element-wise work (softmax, GELU, LayerNorm, Adam) is not counted.
     *
     * @param c the configuration
     * @param batch clips per step
     * @param frames frames per clip
     * @return floating-point operations per step
     */
    static double flops(MusiCoderConfig c, int batch, int frames) {
        double h = c.hidden();
        double p = 2 * c.inputDim() * h + c.layers() * (4 * h * h + 2 * h * c.ffn()) + h * h;
        double tokens = (double) batch * frames;
        return 6 * p * tokens + 12.0 * c.layers() * batch * (double) frames * frames * h;
    }

    /**
     * Runs the comparison and prints one line per configuration.
     *
     * @param args THREADS WARMUP STEPS BLOCK PYTHON_DIR CONFIG... (see the class comment)
     * @throws Exception if the twin fails or stops
     */
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int block = Integer.parseInt(args[3]);
        Path python = Path.of(args[4]);
        Engine engine = Engines.pytorch(threads);
        System.out.printf("DJL %s, libtorch %s, intra-op threads %d, inter-op %s, OMP_WAIT_POLICY=%s%n",
                Engine.getDjlVersion(), engine.getVersion(), Engines.threads(),
                System.getProperty("ai.djl.pytorch.num_interop_threads"), System.getenv("OMP_WAIT_POLICY"));
        boolean first = true;
        for (String spec : Arrays.copyOfRange(args, 5, args.length)) {
            StepSpec sp = StepSpec.parse(spec);
            MusiCoderConfig config = sp.config();
            int batch = sp.batch();
            int frames = sp.frames();
            try (Pretrainer djl = sp.start(engine);
                 NDManager arrays = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
                StepBatch drawn = djl.nextBatch();
                NDList on = drawn.toArrays(arrays);
                Path dir = Files.createTempDirectory("stepbench");
                sp.write(drawn, dir);
                try (Torch torch = new Torch(python, config, threads, dir)) {
                if (first) {
                    System.out.println(torch.ask("blas"));
                    System.out.printf("gemm 1024^3 float32: torch %s GFLOP/s, DJL %.2f GFLOP/s (median of 20)%n",
                            torch.ask("gemm 20").split(" ")[1], gemm(engine, 20));
                    first = false;
                }
                torch.steps(warmup);
                djl(djl, on, warmup);
                List<Double> a = new ArrayList<>();
                List<Double> b = new ArrayList<>();
                for (int done = 0; done < steps; done += block) {
                    int n = Math.min(block, steps - done);
                    a.addAll(torch.steps(n));
                    b.addAll(djl(djl, on, n));
                }
                double mt = median(a);
                double md = median(b);
                double fl = flops(config, batch, frames);
                System.out.printf("%s (H %d, L %d, heads %d, batch %d, frames %d), threads %d: torch %.1f ms, DJL %.1f ms, "
                                + "DJL/torch %.2f; %.2f GFLOP/step: torch %.1f GFLOP/s, DJL %.1f GFLOP/s "
                                + "(torch p25-p75 %.1f-%.1f, DJL %.1f-%.1f; %d steps each)%n",
                        sp.name(), config.hidden(), config.layers(), config.heads(), batch, frames, threads, mt, md, md / mt,
                        fl / 1e9, fl / mt / 1e6, fl / md / 1e6, pct(a, 25), pct(a, 75), pct(b, 25), pct(b, 75), a.size());
                }
                for (String f2 : new String[] {"input.npy", "target.npy", "mask.npy"}) Files.delete(dir.resolve(f2));
                Files.delete(dir);
            }
        }
    }

    private static List<Double> djl(Pretrainer p, NDList batch, int n) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            p.step(batch);
            ms.add((System.nanoTime() - s) / 1e6);
        }
        return ms;
    }

    private static double gemm(Engine engine, int n) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
            NDArray a = m.randomNormal(new Shape(1024, 1024));
            NDArray b = m.randomNormal(new Shape(1024, 1024));
            a.matMul(b).close();
            List<Double> t = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                a.matMul(b).close();
                t.add((System.nanoTime() - s) / 1e9);
            }
            return 2 * Math.pow(1024, 3) / median(t) / 1e9;
        }
    }

    static double median(List<Double> v) {
        return pct(v, 50);
    }

    static double pct(List<Double> v, double p) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double i = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(i);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (i - lo) * (s[hi] - s[lo]);
    }

    /** The twin's step server (stepbench.py), one per configuration. */
    private static final class Torch implements AutoCloseable {
        private final Process process;
        private final PrintWriter in;
        private final BufferedReader out;

        Torch(Path dir, MusiCoderConfig c, int threads, Path batch) throws IOException {
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", dir.resolve("stepbench.py").toString(),
                    "" + c.hidden(), "" + c.layers(), "" + c.heads(), "" + threads, batch.toString());
            pb.environment().put("OMP_NUM_THREADS", "" + threads);
            pb.environment().put("OPENBLAS_NUM_THREADS", "" + threads);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            process = pb.start();
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        String ask(String command) throws IOException {
            in.println(command);
            String line = out.readLine();
            if (line == null) throw new IOException("stepbench.py stopped (exit " + waitExit() + ") on: " + command);
            return line;
        }

        List<Double> steps(int n) throws IOException {
            String[] f = ask("steps " + n).split(" ");
            List<Double> ms = new ArrayList<>();
            for (int i = 1; i < f.length; i++) ms.add(Double.parseDouble(f[i]));
            return ms;
        }

        private int waitExit() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        @Override
        public void close() {
            in.close();
            waitExit();
        }
    }
}
