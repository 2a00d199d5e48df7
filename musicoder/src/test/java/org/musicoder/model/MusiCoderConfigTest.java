package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusiCoderConfigTest {
    @TempDir
    Path dir;

    @Test
    void namedSizes() {
        assertSizes(MusiCoderConfig.named("tiny"), 2, 64, 4);
        assertSizes(MusiCoderConfig.named("small"), 4, 256, 4);
        assertSizes(MusiCoderConfig.named("base"), 4, 768, 12);
        assertSizes(MusiCoderConfig.named("large"), 8, 1024, 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MusiCoderConfig.named("huge"));
        assertTrue(e.getMessage().contains("huge"), e.getMessage());
    }

    /** The PyTorch twin built from each configuration has as many parameters as the formula says. */
    @Test
    void parameterCountsEqualTorch() throws Exception {
        List<String> args = new ArrayList<>(List.of("count"));
        StringBuilder expected = new StringBuilder();
        for (String name : MusiCoderConfig.NAMES) {
            MusiCoderConfig c = MusiCoderConfig.named(name);
            Path p = dir.resolve(name + ".json");
            c.write(p);
            args.add(p.toString());
            expected.append(name).append(' ').append(c.parameterCount()).append('\n');
            System.out.println(c.describe());
        }
        assertEquals(expected.toString(), TorchTwin.run(args.toArray(String[]::new)));
        assertEquals(29_442_372L, MusiCoderConfig.named("base").parameterCount(), "base, paper: 29.3M");
    }

    @Test
    void jsonRoundTrip() throws IOException {
        MusiCoderConfig c = new MusiCoderConfig("mine", 3, 96, 6, 200, 0.25f, 324, 800, MusiCoderConfig.Position.ALIBI);
        Path p = dir.resolve("mine.json");
        c.write(p);
        assertEquals(c, MusiCoderConfig.read(p));
        assertEquals(c, MusiCoderConfig.of(p.toString()));
        assertEquals(MusiCoderConfig.named("small"), MusiCoderConfig.of("small"));
    }

    @Test
    void jsonDefaults() {
        MusiCoderConfig c = MusiCoderConfig.fromJson("{\"layers\": 1, \"hidden\": 32, \"heads\": 2}", "x.json");
        assertEquals(new MusiCoderConfig("custom", 1, 32, 2, 128, 0.1f, 324, 1600, MusiCoderConfig.Position.SINUSOIDAL), c,
                "a file without \"position\" (written before it existed) has the paper's sinusoidal positions");
    }

    @Test
    void cpuSizesUseAlibiAndThePaperSizesSinusoidalPositions() {
        assertEquals(MusiCoderConfig.Position.ALIBI, MusiCoderConfig.named("tiny").position());
        assertEquals(MusiCoderConfig.Position.ALIBI, MusiCoderConfig.named("small").position());
        assertEquals(MusiCoderConfig.Position.SINUSOIDAL, MusiCoderConfig.named("base").position());
        assertEquals(MusiCoderConfig.Position.SINUSOIDAL, MusiCoderConfig.named("large").position());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MusiCoderConfig.fromJson(
                "{\"layers\": 1, \"hidden\": 32, \"heads\": 2, \"position\": \"rope\"}", "x.json"));
        assertTrue(e.getMessage().contains("x.json") && e.getMessage().contains("rope"), e.getMessage());
    }

    @Test
    void badFilesNameTheFileAndReason() throws IOException {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, "{\"layers\": 2, \"hidden\": 64}");
        IOException e = assertThrows(IOException.class, () -> MusiCoderConfig.read(p));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("heads"), e.getMessage());

        Files.writeString(p, "{\"layers\": 2, \"hidden\": 64, \"heads\": 5}");
        e = assertThrows(IOException.class, () -> MusiCoderConfig.read(p));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("divide"), e.getMessage());

        Files.writeString(p, "[1, 2]");
        e = assertThrows(IOException.class, () -> MusiCoderConfig.read(p));
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());

        e = assertThrows(IOException.class, () -> MusiCoderConfig.of(dir.resolve("none.json").toString()));
        assertTrue(e.getMessage().contains("none.json"), e.getMessage());
    }

    private static void assertSizes(MusiCoderConfig c, int layers, int hidden, int heads) {
        assertEquals(layers, c.layers());
        assertEquals(hidden, c.hidden());
        assertEquals(heads, c.heads());
        assertEquals(4 * hidden, c.ffn());
        assertEquals(324, c.inputDim());
        assertEquals(1600, c.maxFrames());
    }
}
