package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.io.Npy;
import org.musicoder.pretrain.Checkpoint;

/**
 * Corrupt or truncated checkpoints, model folders and {@code .npy} inputs given to {@code pretrain --resume},
 * {@code embed}, {@code finetune} and {@code tag}: exit code 2, one stderr line naming the file and the reason, and
 * no file of the user's changed or written.
 */
class CorruptFilesTest {
    @TempDir static Path tmp;
    static Path data;
    static Path cache;
    static Path run;
    static byte[] checkpoint;
    static byte[] model;

    @BeforeAll
    static void aRun() throws Exception {
        data = Files.createDirectories(tmp.resolve("audio"));
        Files.copy(PretrainCommandTest.AUDIO.resolve("test10_mono22k.wav"), data.resolve("test10_mono22k.wav"));
        cache = tmp.resolve("cache");
        run = tmp.resolve("run");
        FeaturesCommandTest.Run r = PretrainCommandTest.run("pretrain", "--config", "tiny", "--data", data.toString(),
                "--steps", "2", "--batch", "2", "--out", run.toString(), "--threads", "1", "--cache", cache.toString());
        assertEquals(0, r.code(), r.err());
        checkpoint = Files.readAllBytes(run.resolve(Checkpoint.FILE));
        model = Files.readAllBytes(run.resolve("model.safetensors"));
    }

    /** Variants of a file's bytes: cut in half, cut inside the header, empty, a header that is not JSON. */
    static Map<String, byte[]> corruptions(byte[] whole) {
        Map<String, byte[]> m = new TreeMap<>();
        m.put("half", Arrays.copyOf(whole, whole.length / 2));
        m.put("header cut", Arrays.copyOf(whole, 20));
        m.put("empty", new byte[0]);
        byte[] json = whole.clone();
        Arrays.fill(json, 8, 40, (byte) '{');
        m.put("header not JSON", json);
        return m;
    }

    static Map<String, String> digests(Path folder) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) m.put(f.getFileName().toString(), Arrays.toString(Files.readAllBytes(f)));
        }
        return m;
    }

    static void oneLine(FeaturesCommandTest.Run r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        for (String p : parts) assertTrue(r.err().contains(p), p + " in: " + r.err());
    }

    @Test
    void resumeFromACorruptCheckpointChangesNothing() throws Exception {
        Path file = run.resolve(Checkpoint.FILE);
        for (Map.Entry<String, byte[]> c : corruptions(checkpoint).entrySet()) {
            Files.write(file, c.getValue());
            Map<String, String> before = digests(run);
            FeaturesCommandTest.Run r = PretrainCommandTest.run("pretrain", "--data", data.toString(),
                    "--steps", "4", "--out", run.toString(), "--resume", "--threads", "1",
                    "--cache", cache.toString());
            oneLine(r, "--resume: " + file + ": not a float32 safetensors file");
            assertEquals(before, digests(run), c.getKey());
        }
        Files.write(file, checkpoint);
    }

    @Test
    void embedRefusesACorruptModelOrNpyAndWritesNothing() throws Exception {
        Path input = tmp.resolve("frames.npy");
        float[][] frames = new float[30][324];
        Npy.write(input, frames);
        byte[] npy = Files.readAllBytes(input);
        Path out = tmp.resolve("embedding.npy");
        Files.writeString(out, "the user's file");
        Path folder = Files.createDirectories(tmp.resolve("broken-model"));
        for (Map.Entry<String, byte[]> c : corruptions(model).entrySet()) {
            Files.write(folder.resolve("model.safetensors"), c.getValue());
            oneLine(PretrainCommandTest.run("embed", "--model", folder.toString(), "--out", out.toString(), input.toString()),
                    folder.resolve("model.safetensors") + ": not a float32 safetensors file");
        }
        Files.write(input, Arrays.copyOf(npy, npy.length - 100));
        oneLine(PretrainCommandTest.run("embed", "--model", run.toString(), "--out", out.toString(), input.toString()),
                input + ": ends early (38780 of 38880 data bytes)");
        Files.write(input, Arrays.copyOf(npy, 40));
        oneLine(PretrainCommandTest.run("embed", "--model", run.toString(), "--out", out.toString(), input.toString()),
                input + ": ends early (truncated .npy header)");
        assertEquals("the user's file", Files.readString(out));
    }

    @Test
    void finetuneAndTagRefuseCorruptModelFolders() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("broken-pretrained"));
        Files.write(folder.resolve("model.safetensors"), Arrays.copyOf(model, model.length - 1000));
        Path out = Files.createDirectories(tmp.resolve("finetuned"));
        Files.writeString(out.resolve("notes.txt"), "kept");
        oneLine(PretrainCommandTest.run("finetune", "--data", "demo", "--task", "genre", "--from", folder.toString(),
                "--out", out.toString(), "--threads", "1", "--cache", cache.toString()),
                folder.resolve("model.safetensors") + ": not a float32 safetensors file");
        assertEquals(Map.of("notes.txt", Arrays.toString("kept".getBytes(StandardCharsets.UTF_8))), digests(out));

        Path tagModel = Files.createDirectories(tmp.resolve("broken-classifier"));
        Files.write(tagModel.resolve("model.safetensors"), Arrays.copyOf(model, 100));
        Files.write(tagModel.resolve("labels.txt"), new byte[] {'r', 'o', 'c', 'k', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        Path clip = PretrainCommandTest.AUDIO.resolve("test10_mono22k.wav");
        oneLine(PretrainCommandTest.run("tag", "--model", tagModel.toString(), clip.toString()),
                tagModel.resolve("labels.txt") + ": not UTF-8 text");
        Files.writeString(tagModel.resolve("labels.txt"), "rock\npop\n");
        oneLine(PretrainCommandTest.run("tag", "--model", tagModel.toString(), clip.toString()),
                tagModel.resolve("model.safetensors") + ": not a float32 safetensors file");
    }
}
