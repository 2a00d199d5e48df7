package org.musicoder.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musicoder demo}: features of the embedded demo corpus, cached, with a per-class summary table. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Extract the 324-dim features of the embedded demo corpus (10 s Ogg clips of DFSG-free "
                + "Debian game music; classes are source styles, not a genre benchmark) and print a summary.",
                "Features are cached by content and recipe hash; a second run reads them back."})
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache folder (default: $MUSICODER_CACHE or ~/.cache/musicoder).")
    Path cache;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Clips processed at once.")
    int threads;

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
        return failures.isEmpty() ? 0 : 1;
    }
}
