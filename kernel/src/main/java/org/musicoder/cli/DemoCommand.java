package org.musicoder.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.FeatureCache;
import org.musicoder.features.ClipFeatures;
import org.musicoder.features.FeatureBatch;
import org.musicoder.features.FeatureConfig;
import org.musicoder.kernel.KernelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code musicoder demo}: features of the embedded demo corpus (cached, with a per-class summary table), then the
 * Jupyter kernel installed and {@code notebooks/01-quickstart} executed headless, written as a notebook and HTML.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Extract the 324-dim features of the embedded demo corpus (10 s Ogg clips of DFSG-free "
                + "Debian game music; classes are source styles, not a genre benchmark) and print a summary; then "
                + "install the Jupyter kernel (user kernelspec 'musicoder') and execute notebooks/01-quickstart headless "
                + "(features, masks, a tiny pretraining, fine-tuning, tagging), writing the executed notebook and its "
                + "HTML to --out (default CACHE/demo) and printing where.",
                "Features are cached by content and recipe hash; a second run reads them back."})
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
    Path cache;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Clips processed at once.")
    int threads;

    @Option(names = "--features-only", description = "Only the feature summary (no kernel, no notebook).")
    boolean featuresOnly;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the executed notebook and its HTML go (default: CACHE/demo).")
    Path out;

    @Option(names = "--prefix", paramLabel = "P", description = "Install the kernelspec into P/share/jupyter instead of the user's Jupyter folder.")
    Path prefix;

    @Option(names = "--notebook", paramLabel = "FILE", description = "The notebook to run (default: notebooks/01-quickstart.ipynb of this checkout).")
    Path notebook;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            err.println("musicoder demo: --threads must be >= 1, got " + threads);
            return 2;
        }
        Path dir = cache != null ? cache : Cache.defaultDir();
        DemoCorpus corpus = DemoCorpus.load();
        List<DemoClip> clips = corpus.clips();
        List<Path> files = corpus.extractAll(dir.resolve("demo-clips"));
        Map<Path, DemoClip> clipOf = new LinkedHashMap<>();
        for (int i = 0; i < clips.size(); i++) clipOf.put(files.get(i), clips.get(i));

        FeatureConfig cfg = FeatureConfig.PAPER;
        FeatureCache features = new FeatureCache(dir.resolve("features"), w -> err.println("musicoder: " + w));
        SummaryTable table = new SummaryTable(cfg);
        List<String> failures = new ArrayList<>();
        AtomicInteger computed = new AtomicInteger();
        long t0 = System.nanoTime();
        FeatureBatch.run(files, threads,
                p -> features.get(p, cfg, a -> {
                    computed.incrementAndGet();
                    return ClipFeatures.compute(a, cfg, 0, Double.NaN, false);
                }),
                r -> {
                    if (r.ok()) table.add(clipOf.get(r.input()), r.features());
                    else failures.add(Messages.oneLine(r.input(), r.error()));
                });
        double seconds = (System.nanoTime() - t0) / 1e9;
        table.print(out);
        out.printf("%d clips, %d frames x %d dims (raw, before CMVN); %d computed, %d from the cache %s; "
                        + "%.1f s with %d threads%n", table.clips(), table.frames(), cfg.dims(), computed.get(),
                table.clips() - computed.get(), dir.resolve("features"), seconds, threads);
        out.flush();
        failures.forEach(f -> err.println("musicoder: " + f));
        if (!failures.isEmpty()) return 1;
        return featuresOnly ? 0 : quickstart(dir, out, err);
    }

    /** Installs the kernelspec and executes the quickstart notebook; prints where its outputs are. */
    private int quickstart(Path cacheDir, PrintWriter out, PrintWriter err) throws Exception {
        Path nb = notebook != null ? notebook
                : Path.of(System.getProperty("musicoder.root", ".")).resolve("notebooks/01-quickstart.ipynb");
        if (!Files.isRegularFile(nb)) {
            err.println("musicoder demo: " + nb + ": no such notebook (run bin/musicoder from a checkout, or give --notebook)");
            return 2;
        }
        Path kernels = prefix != null ? KernelSpec.prefixKernels(prefix) : KernelSpec.userKernels();
        List<String> jvm = KernelSpec.jvmOptions(System.getenv("MUSICODER_JAVA_OPTS"));
        Path spec = KernelSpec.install(kernels, KernelSpec.currentJava(), jvm, KernelSpec.currentClassPath(), false);
        out.println("installed the Jupyter kernelspec " + KernelSpec.NAME + " in " + spec);
        Path dest = this.out != null ? this.out : cacheDir.resolve("demo");
        Map<String, String> env = new HashMap<>();
        env.put("MUSICODER_CACHE", cacheDir.toAbsolutePath().toString());
        if (prefix != null) env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toAbsolutePath().toString());
        out.println("executing " + nb + " headless (a few minutes on 2 CPU cores) ...");
        out.flush();
        Files.createDirectories(dest);
        Path log = dest.resolve("nbconvert.log");
        Files.deleteIfExists(log);
        long t0 = System.nanoTime();
        List<Path> written;
        try {
            written = NotebookRun.execute(nb, dest, env, 1800, log);
        } catch (IOException e) {
            err.println("musicoder demo: " + e.getMessage());
            return 1;
        }
        out.printf("executed notebook: %s%nHTML: %s%n(%.0f s; open the HTML in a browser, or the notebook in Jupyter with the "
                + "kernel \"%s\")%n", written.get(0), written.get(1), (System.nanoTime() - t0) / 1e9, KernelSpec.DISPLAY_NAME);
        out.flush();
        return 0;
    }
}
