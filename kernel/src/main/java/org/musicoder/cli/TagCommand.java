package org.musicoder.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.musicoder.features.ClipFeatures;
import org.musicoder.features.FeatureConfig;
import org.musicoder.finetune.FineTunedModel;
import org.musicoder.model.Engines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musicoder tag}: a fine-tuned model's top labels for audio files. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Label audio files with a fine-tuned model (a folder written by 'finetune'): per file the top K "
                + "labels with their probabilities (softmax for genre models, sigmoid per tag for tag models; files longer "
                + "than 1600 frames are cut into windows whose probabilities are averaged).",
                "A file that cannot be read gets one line on stderr; the others are still labelled and the exit code is 1."})
final class TagCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Fine-tuned model folder.")
    Path model;

    @Parameters(paramLabel = "AUDIO", arity = "1..*", description = "Audio files.")
    List<Path> inputs;

    @Option(names = "--top", paramLabel = "K", defaultValue = "5", description = "Labels per file (default 5).")
    int top;

    @Option(names = "--json", description = "One JSON object per file: {\"file\":..,\"labels\":[{\"label\":..,\"probability\":..}]}.")
    boolean json;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "2", description = "PyTorch threads (default 2).")
    int threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (top < 1) return usage(err, "--top must be >= 1, got " + top);
        if (threads < 1) return usage(err, "--threads must be >= 1, got " + threads);
        Engines.pytorch(threads);
        int failed = 0;
        FineTunedModel m;
        try {
            m = FineTunedModel.load(model);
        } catch (IOException e) {
            return usage(err, "--model " + e.getMessage());
        }
        try (m) {
            for (Path input : inputs) {
                double[] p;
                try {
                    p = m.predict(ClipFeatures.compute(input, FeatureConfig.PAPER, 0, Double.NaN, true));
                } catch (IOException | RuntimeException e) {
                    err.println("musicoder tag: " + Messages.oneLine(input, e));
                    err.flush();
                    failed++;
                    continue;
                }
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < p.length; i++) order.add(i);
                order.sort(Comparator.comparingDouble((Integer i) -> -p[i]).thenComparing(i -> i));
                List<Integer> best = order.subList(0, Math.min(top, order.size()));
                if (json) {
                    JsonObject o = new JsonObject();
                    o.addProperty("file", input.toString());
                    JsonArray labels = new JsonArray();
                    for (int i : best) {
                        JsonObject l = new JsonObject();
                        l.addProperty("label", m.labels().get(i));
                        l.addProperty("probability", p[i]);
                        labels.add(l);
                    }
                    o.add("labels", labels);
                    out.println(o);
                } else {
                    StringBuilder sb = new StringBuilder(input.toString()).append(':');
                    for (int i : best) sb.append(String.format(Locale.ROOT, "  %s %.3f", m.labels().get(i), p[i]));
                    out.println(sb);
                }
                out.flush();
            }
        }
        return failed == 0 ? 0 : 1;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("musicoder tag: " + message);
        err.flush();
        return 2;
    }
}
