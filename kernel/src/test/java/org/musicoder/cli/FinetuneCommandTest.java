package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.datasets.DemoClip;
import org.musicoder.datasets.DemoCorpus;
import org.musicoder.datasets.SplitPart;

/**
 * {@code finetune}, {@code tag} and {@code table5} on the embedded demo corpus at tiny scale: a short pretraining,
 * fine-tuning on the corpus's train split with one grid point of 105 steps (batch 8, lr 2e-3, 15 epochs), and the fine-tuned model's accuracy on the test
 * split must beat the majority-class baseline of that split (computed from the corpus's labels.csv).
 */
class FinetuneCommandTest {
    @TempDir static Path tmp;
    static Path cache;
    static Path pretrained;

    @BeforeAll
    static void pretrain() {
        cache = tmp.resolve("cache");
        pretrained = tmp.resolve("pre");
        FeaturesCommandTest.Run r = PretrainCommandTest.run("pretrain", "--config", "tiny", "--data", "demo", "--steps", "10",
                "--batch", "4", "--warmup", "540", "--out", pretrained.toString(), "--threads", "2", "--cache", cache.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void fineTunedModelBeatsTheMajorityBaselineAndTagsFiles() throws Exception {
        Path ft = tmp.resolve("ft");
        FeaturesCommandTest.Run r = PretrainCommandTest.run("finetune", "--task", "genre", "--data", "demo", "--model",
                pretrained.toString(), "--out", ft.toString(), "--grid", "batch=8;lr=2e-3;epochs=15;dropout=0.1",
                "--threads", "2", "--cache", cache.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("grid point 1/1: batch 8, lr 2e-03, epochs 15, dropout 0.1 (105 steps)"), r.err());
        assertTrue(r.err().contains("step 105/105  loss "), r.err());
        Matcher m = Pattern.compile("test accuracy: ([0-9.]+) \\(20 clips\\)").matcher(r.out());
        assertTrue(m.find(), r.out());
        double accuracy = Double.parseDouble(m.group(1));

        Map<String, Integer> counts = new HashMap<>();
        List<DemoClip> test = DemoCorpus.load().clips(SplitPart.TEST);
        for (DemoClip c : test) counts.merge(c.styleClass(), 1, Integer::sum);
        double majority = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow() / (double) test.size();
        System.out.printf("demo test accuracy %.4f, majority baseline %.4f%n", accuracy, majority);
        assertTrue(accuracy > majority, "test accuracy " + accuracy + " does not beat the majority baseline " + majority);

        DemoCorpus corpus = DemoCorpus.load();
        Path good = corpus.extract(test.get(0), tmp.resolve("clips"));
        Path bad = Files.writeString(tmp.resolve("bad.wav"), "not audio");
        FeaturesCommandTest.Run tag = PretrainCommandTest.run("tag", "--model", ft.toString(), good.toString(), bad.toString(),
                "--top", "3", "--json", "--threads", "2");
        assertEquals(1, tag.code(), tag.err());
        assertEquals(1, tag.err().lines().filter(l -> l.contains("bad.wav")).count(), tag.err());
        List<String> lines = tag.out().lines().toList();
        assertEquals(1, lines.size(), tag.out());
        JsonObject o = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(good.toString(), o.get("file").getAsString());
        JsonArray labels = o.getAsJsonArray("labels");
        assertEquals(3, labels.size());
        double sum = 0, previous = 1;
        for (var l : labels) {
            double p = l.getAsJsonObject().get("probability").getAsDouble();
            assertTrue(p <= previous, "sorted by probability");
            assertTrue(corpus.classes().contains(l.getAsJsonObject().get("label").getAsString()));
            previous = p;
            sum += p;
        }
        assertTrue(sum <= 1 + 1e-9, "softmax probabilities of 3 of 5 classes sum to at most 1");

        FeaturesCommandTest.Run missing = PretrainCommandTest.run("tag", "--model", tmp.resolve("nothing").toString(), good.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("not a folder"), missing.err());

        FeaturesCommandTest.Run pooling = PretrainCommandTest.run("finetune", "--task", "genre", "--data", "demo", "--model",
                "none", "--pooling", "max", "--out", tmp.resolve("unused").toString(), "--cache", cache.toString());
        assertEquals(2, pooling.code());
        assertTrue(pooling.err().contains("pooling 'max': expected mean or mean+std"), pooling.err());
    }

    @Test
    void table5RunsAtTinyBudgetAndNamesTheProtocol() throws Exception {
        Path out = tmp.resolve("t5");
        FeaturesCommandTest.Run r = PretrainCommandTest.run("table5", "--data", "demo", "--out", out.toString(),
                "--pretrain-steps", "2", "--grid", "batch=16;lr=1e-3;epochs=1;dropout=0.1", "--seeds", "2", "--threads", "2",
                "--cache", cache.toString());
        assertEquals(0, r.code(), r.err());
        // a fresh cache has no debian-music: the demo split, said in one line with the command that fetches it
        assertTrue(r.err().contains("has not been fetched") && r.err().contains("bin/musicoder corpus fetch debian-music"), r.err());
        List<String> csv = Files.readAllLines(out.resolve("table5.csv"));
        assertEquals(4, csv.size(), String.join("\n", csv));
        // first the hand-crafted baseline (Table 5's first row; the paper's SVM: 87.9 %), then Base and Large
        assertTrue(csv.get(1).contains("Hand-crafted features + linear classifier") && csv.get(1).contains("87.90 %"), csv.get(1));
        assertTrue(csv.get(1).contains("(n=1)") && csv.get(1).contains("- (deterministic)"), csv.get(1));
        assertTrue(csv.get(2).contains("MusiCoder-Base") && csv.get(3).contains("MusiCoder-Large"), String.join("\n", csv));
        // the paper's column: Zhao and Guo 2020, Table 5 (94.2 % and 94.3 %, GTZAN ten-fold)
        assertTrue(csv.get(2).contains("94.20 % (GTZAN, ten-fold)"), csv.get(2));
        assertTrue(csv.get(3).contains("94.30 % (GTZAN, ten-fold)"), csv.get(3));
        for (String line : csv.subList(2, 4)) {
            assertTrue(line.contains("(n=2)") && line.contains("\"0,1\"") && line.contains("seed 0: ") && line.contains("; seed 1: "), line);
            assertTrue(line.contains("demo corpus train split (54 clips)"), line);
        }
        for (String line : csv.subList(1, 4)) {
            assertTrue(line.contains("demo split by source track"), line);
            assertTrue(line.contains("accuracy (test)"), line);
        }
        String md = Files.readString(out.resolve("table5.md"));
        assertTrue(md.contains("(n=2) | seed 0: "), md);
        for (String dir : List.of("tiny-cfm+ccm-seed0", "tiny-cfm+ccm-seed1", "tiny-4-layers-cfm+ccm-seed0", "tiny-4-layers-cfm+ccm-seed1"))
            assertTrue(Files.isRegularFile(out.resolve("pretrain").resolve(dir).resolve("model.safetensors")), dir);
        FeaturesCommandTest.Run again = PretrainCommandTest.run("table5", "--data", "demo", "--out", out.toString(),
                "--pretrain-steps", "2", "--grid", "batch=16;lr=1e-3;epochs=1;dropout=0.1", "--seeds", "2", "--threads", "2",
                "--cache", cache.toString());
        assertEquals(0, again.code(), again.err());
        for (String seed : List.of("seed0", "seed1"))
            assertTrue(again.err().contains("reusing " + out.resolve("pretrain/tiny-cfm+ccm-" + seed + "/model.safetensors")), again.err());
        assertFalse(again.err().contains(": pretraining tiny"), again.err());
        FeaturesCommandTest.Run bad = PretrainCommandTest.run("table6", "--data", "demo", "--out", out.toString(), "--seeds", "0",
                "--cache", cache.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--seeds must be >= 1"), bad.err());
    }
}
