package org.musicoder.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.musicoder.features.ClipFeatures;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;
import org.musicoder.datasets.DemoEncoder;
import org.musicoder.model.Engines;
import org.musicoder.model.Inference;
import org.musicoder.model.ModelWeights;
import org.musicoder.model.MusiCoderModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musicoder embed}: a trained model's last hidden states (or head output) for one clip, in eval mode. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Run a model in eval mode on an audio file (features with CMVN) or a frames x 324 .npy and "
                + "write the last layer's hidden states (frames x H) or, with --head, the reconstruction (frames x 324).",
                "Inputs longer than the model's max_frames run in consecutive windows of max_frames frames."})
final class EmbedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "demo (the shipped demo encoder), a folder with model.safetensors, or the file itself.")
    Path model;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Audio file or frames x 324 .npy (CMVN features).")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "Output .npy (float32).")
    Path out;

    @Option(names = "--head", description = "Write the reconstruction head's output instead of the hidden states.")
    boolean head;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "PyTorch threads (default 2).")
    int threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) return usage(err, "--threads must be >= 1, got " + threads);
        Path weights;
        try {
            weights = DemoEncoder.weights(model.toString(), Cache.defaultDir());
        } catch (IOException e) {
            return usage(err, "--model " + e.getMessage());
        }
        if (!Files.isRegularFile(input)) return usage(err, input + ": no such file");
        float[][] frames;
        try {
            frames = isNpy(input) ? npy(input) : ClipFeatures.compute(input, FeatureConfig.PAPER, 0, Double.NaN, true);
        } catch (IOException e) {
            return usage(err, Messages.oneLine(input, e));
        }
        Engines.pytorch(threads);
        float[][] result;
        try (NDManager manager = NDManager.newBaseManager(Engines.PYTORCH)) {
            MusiCoderModel m;
            try {
                m = ModelWeights.load(weights, manager);
            } catch (IOException e) {
                return usage(err, e.getMessage());
            }
            if (frames[0].length != m.config().inputDim())
                return usage(err, input + ": frames of " + frames[0].length + " values, the model takes " + m.config().inputDim());
            result = run(m, manager, frames);
        }
        Npy.writeAtomically(out, result);
        spec.commandLine().getOut().printf("%s -> %s (%d x %d, %s)%n", input, out, result.length, result[0].length,
                head ? "head output" : "hidden states");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Runs the clip in windows of max_frames. */
    private float[][] run(MusiCoderModel m, NDManager manager, float[][] frames) {
        int w = m.config().maxFrames();
        float[][] result = new float[frames.length][];
        for (int s = 0; s < frames.length; s += w) {
            Inference.Output o = Inference.run(m, manager, Arrays.copyOfRange(frames, s, Math.min(frames.length, s + w)));
            float[][] part = head ? o.reconstruction() : o.hidden();
            System.arraycopy(part, 0, result, s, part.length);
        }
        return result;
    }

    private static boolean isNpy(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(6);
            return magic.length == 6 && (magic[0] & 0xff) == 0x93 && new String(magic, 1, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("NUMPY");
        }
    }

    private static float[][] npy(Path p) throws IOException {
        Npy.Array a = Npy.read(p);
        if (a.shape().length != 2 || a.rows() < 1)
            throw new IOException("expected a frames x 324 array, got shape " + Arrays.toString(a.shape()));
        return a.toFloat2d();
    }

    private static int usage(PrintWriter err, String message) {
        err.println("musicoder embed: " + message);
        err.flush();
        return 2;
    }
}
