package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.musicoder.datasets.DemoEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;
import org.musicoder.pretrain.Checkpoint;

/** {@code pretrain} and {@code embed} on a folder of two fixture WAVs (10 s at 22.05 kHz, 30 s) with the tiny model. */
class PretrainCommandTest {
    static final Path AUDIO = FeaturesCommandTest.FIXTURES.resolve("audio");
    static final Path TWIN = Path.of("..", "musicoder", "src", "test", "python", "twin.py");

    @TempDir static Path tmp;
    static Path data;
    static Path cache;

    @BeforeAll
    static void folder() throws Exception {
        data = Files.createDirectories(tmp.resolve("audio"));
        Files.copy(AUDIO.resolve("test10_mono22k.wav"), data.resolve("test10_mono22k.wav"));
        Files.copy(AUDIO.resolve("test30.wav"), data.resolve("test30.wav"));
        cache = tmp.resolve("cache");
    }

    static FeaturesCommandTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new FeaturesCommandTest.Run(code, out.toString(), err.toString());
    }

    static FeaturesCommandTest.Run pretrain(Path out, int steps, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("pretrain", "--config", "tiny", "--data", data.toString(),
                "--steps", Integer.toString(steps), "--out", out.toString(), "--batch", "2", "--warmup", "10",
                "--lr-scale", "0.5",
                "--threads", "1", "--seed", "5", "--cache", cache.toString(), "--objective", "cfm+ccm"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static List<String> losses(Path out) throws Exception {
        return Files.readAllLines(out.resolve("log.jsonl")).stream().map(l -> l.replaceAll(",\"time_s\".*", "")).toList();
    }

    @Test
    void resumedCommandLineRunRepeatsTheUninterruptedOne() throws Exception {
        Path straight = tmp.resolve("straight");
        FeaturesCommandTest.Run a = pretrain(straight, 4, "--checkpoint-every", "2");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.err().contains("step 4/4  loss "), a.err());
        assertTrue(a.err().contains("steps/s  ETA "), a.err());
        assertTrue(Files.isRegularFile(straight.resolve("model.safetensors")));
        assertEquals(4, losses(straight).size());
        String third = Files.readAllLines(straight.resolve("log.jsonl")).get(2);
        double lr = Double.parseDouble(third.replaceAll(".*\"lr\":([-0-9.eE]+).*", "$1"));
        assertEquals(0.5 * Math.pow(64, -0.5) * 3 * Math.pow(10, -1.5), lr, 1e-12, "--lr-scale 0.5 times the schedule: " + third);
        assertEquals(0.5, Checkpoint.load(straight.resolve(Checkpoint.FILE)).options().lrScale());

        Path split = tmp.resolve("split");
        assertEquals(0, pretrain(split, 2, "--checkpoint-every", "2").code());
        assertEquals(2, Checkpoint.load(split.resolve(Checkpoint.FILE)).step());
        FeaturesCommandTest.Run again = pretrain(split, 2);
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already holds a checkpoint"), again.err());
        FeaturesCommandTest.Run clash = run("pretrain", "--data", data.toString(), "--steps", "4", "--out",
                split.toString(), "--resume", "--batch", "3", "--cache", cache.toString());
        assertEquals(2, clash.code());
        assertTrue(clash.err().contains("made with --batch 2"), clash.err());
        FeaturesCommandTest.Run clashLr = run("pretrain", "--data", data.toString(), "--steps", "4", "--out",
                split.toString(), "--resume", "--lr-scale", "1", "--cache", cache.toString());
        assertEquals(2, clashLr.code());
        assertTrue(clashLr.err().contains("made with --lr-scale 0.5"), clashLr.err());
        FeaturesCommandTest.Run b = run("pretrain", "--data", data.toString(), "--steps", "4", "--out", split.toString(),
                "--resume", "--threads", "1", "--cache", cache.toString());
        assertEquals(0, b.code(), b.err());
        assertEquals(losses(straight), losses(split));
    }

    @Test
    void embedWritesWhatThePyTorchTwinComputes() throws Exception {
        Path model = tmp.resolve("embed-model");
        assertEquals(0, pretrain(model, 2).code());
        Path features = FeaturesCommandTest.FIXTURES.resolve("librosa/test30_wav/features_cmvn.npy");
        Path hidden = tmp.resolve("hidden.npy");
        Path head = tmp.resolve("head.npy");
        FeaturesCommandTest.Run r = run("embed", "--model", model.toString(), features.toString(), "--out", hidden.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, run("embed", "--model", model.toString(), features.toString(), "--out", head.toString(), "--head").code());

        float[][] x = Npy.read(features).toFloat2d();
        Path batch = tmp.resolve("batch.npy");
        float[] flat = new float[x.length * 324];
        for (int t = 0; t < x.length; t++) System.arraycopy(x[t], 0, flat, t * 324, 324);
        Npy.write(batch, flat, 1, x.length, 324);
        Path twinOut = Files.createDirectories(tmp.resolve("twin"));
        Process p = new ProcessBuilder("/usr/bin/python3", TWIN.toString(), "forward", model.resolve("model.safetensors").toString(),
                batch.toString(), Integer.toString(x.length), twinOut.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "twin.py (needs /usr/bin/python3 with python3-torch): " + log);
        assertClose(Npy.read(twinOut.resolve("hidden.npy")).toFloat(), Npy.read(hidden), x.length, 64);
        assertClose(Npy.read(twinOut.resolve("head.npy")).toFloat(), Npy.read(head), x.length, 324);

        FeaturesCommandTest.Run e = run("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--threads", "1", "--cache", cache.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().matches("(?s)2 clips, \\d+ masked cells \\(cfm\\): model [0-9.]+, predict-zero [0-9.]+, interpolation [0-9.]+\\n"
                + "  zeroed .*"), e.out());

        Path fromAudio = tmp.resolve("audio.npy");
        assertEquals(0, run("embed", "--model", model.toString(), AUDIO.resolve("test30.wav").toString(), "--out",
                fromAudio.toString()).code());
        Npy.Array a = Npy.read(fromAudio);
        assertArrayEquals(new int[] {x.length, 64}, a.shape(), "frames x H from audio");
    }

    /**
     * The shipped demo encoder: {@code embed --model demo X --head} on per-clip CMVN features with zeroed frames writes
     * a reconstruction of the same shape, equal to the PyTorch twin's on the same weights; on the demo corpus's
     * held-out clips its masked CFM loss is below 0.9 x predicting 0 and, on the zeroed spans, below linear interpolation
     * (datasets/.../demo/encoder/README.md has its numbers).
     */
    @Test
    void demoEncoderReconstructsLikeTheTwinAndBeatsInterpolation() throws Exception {
        float[][] x = Npy.read(FeaturesCommandTest.FIXTURES.resolve("librosa/test30_wav/features_cmvn.npy")).toFloat2d();
        for (int t = 100; t < 106; t++) java.util.Arrays.fill(x[t], 0f);
        Path in = tmp.resolve("demo-in.npy");
        Npy.write(in, x);
        Path out = tmp.resolve("demo-head.npy");
        FeaturesCommandTest.Run r = run("embed", "--model", "demo", in.toString(), "--out", out.toString(), "--head");
        assertEquals(0, r.code(), r.err());
        Npy.Array rec = Npy.read(out);
        assertArrayEquals(new int[] {x.length, 324}, rec.shape());
        float[] flat = new float[x.length * 324];
        for (int t = 0; t < x.length; t++) System.arraycopy(x[t], 0, flat, t * 324, 324);
        Path batch = tmp.resolve("demo-batch.npy");
        Npy.write(batch, flat, 1, x.length, 324);
        Path twinOut = Files.createDirectories(tmp.resolve("demo-twin"));
        Path weights = DemoEncoder.weights("demo", Cache.defaultDir());
        Process p = new ProcessBuilder("/usr/bin/python3", TWIN.toString(), "forward", weights.toString(), batch.toString(),
                Integer.toString(x.length), twinOut.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "twin.py: " + log);
        assertClose(Npy.read(twinOut.resolve("head.npy")).toFloat(), rec, x.length, 324);

        FeaturesCommandTest.Run e = run("evaluate", "--model", "demo", "--data", "demo", "--objective", "cfm", "--threads", "2",
                "--cache", cache.toString());
        assertEquals(0, e.code(), e.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("model ([0-9.]+), predict-zero ([0-9.]+)").matcher(e.out());
        assertTrue(m.find(), e.out());
        assertTrue(Double.parseDouble(m.group(1)) < 0.9 * Double.parseDouble(m.group(2)), e.out());
        // on the zeroed spans (where the input shows the model which frames are hidden) it beats linear interpolation
        m = java.util.regex.Pattern.compile("zeroed .*model ([0-9.]+), predict-zero ([0-9.]+), interpolation ([0-9.]+)").matcher(e.out());
        assertTrue(m.find(), e.out());
        assertTrue(Double.parseDouble(m.group(1)) < Double.parseDouble(m.group(3)), e.out());
    }

    static void assertClose(float[] want, Npy.Array got, int frames, int width) {
        assertArrayEquals(new int[] {frames, width}, got.shape());
        double maxErr = 0;
        double maxRef = 0;
        for (int i = 0; i < want.length; i++) {
            maxErr = Math.max(maxErr, Math.abs(want[i] - got.data()[i]));
            maxRef = Math.max(maxRef, Math.abs(want[i]));
        }
        assertTrue(maxErr / maxRef <= 1e-4, "max|embed - torch| / max|torch| = " + maxErr / maxRef);
    }

    @Test
    void badInputsGetOneMessageAndExitCode2() {
        Path out = tmp.resolve("bad");
        FeaturesCommandTest.Run r = run("pretrain", "--config", "tiny", "--data", data.toString(), "--steps", "1",
                "--out", out.toString(), "--objective", "xyz");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown 'xyz'"), r.err());
        r = run("pretrain", "--config", "tiny", "--data", tmp.resolve("nothing").toString(), "--steps", "1", "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("neither 'demo', 'debian-music' nor an existing folder"), r.err());
        r = run("pretrain", "--config", "tiny", "--data", data.toString(), "--out", out.toString(), "--crop", "9:3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("crop lengths '9:3'"), r.err());
        r = run("pretrain", "--config", "tiny", "--data", data.toString(), "--out", out.toString(), "--lr", "1e-3",
                "--lr-scale", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--lr or --lr-scale, not both"), r.err());
        r = run("pretrain", "--config", "tiny", "--data", data.toString(), "--out", out.toString(), "--ccm-band", "mel");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown band 'mel'"), r.err());
        r = run("pretrain", "--config", "tiny", "--data", "debian-music", "--out", out.toString(), "--cache",
                tmp.resolve("empty-cache").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("corpus fetch debian-music"), r.err());
        r = run("pretrain", "--config", "tiny", "--data", data.toString(), "--steps", "1", "--out", out.toString(), "--resume");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--resume: ") && r.err().contains("does not exist"), r.err());
        r = pretrain(out, 1, "--device", "gpu");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no CUDA GPU found"), r.err());
        r = run("pretrain", "--config", "tiny", "--data", data.toString(), "--steps", "x", "--out", out.toString());
        assertEquals(2, r.code());
        r = run("embed", "--model", tmp.resolve("no-model").toString(), "a.npy", "--out", tmp.resolve("o.npy").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no model.safetensors there"), r.err());
    }
}
