package org.musicoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.musicoder.kernel.magic.MagicRegistry;

/** docs/reference.md is what the code generates: every magic and command, their options as declared. */
class ReferenceTest {
    private static final Path PAGE = Path.of("..", "docs", "reference.md");

    @Test
    void committedPageIsWhatTheCodeGenerates() throws Exception {
        String generated = Reference.markdown();
        String committed = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertEquals(generated, committed, "docs/reference.md is out of date: run bin/musicoder reference --out "
                + "docs/reference.md");
    }

    @Test
    void everyMagicAndCommandHasItsSection() {
        String page = Reference.markdown();
        for (MagicRegistry.Entry e : MagicRegistry.standard().all()) {
            String name = (e.isCell() ? "%%" : "%") + e.name();
            assertTrue(page.contains("\n### " + name + "\n"), name);
            assertTrue(page.contains("Usage: " + name + " "), name);
        }
        for (String sub : Main.commandLine().getSubcommands().keySet()) {
            if (sub.equals("help")) continue;
            assertTrue(page.contains("\n### musicoder " + sub + "\n"), sub);
        }
        assertTrue(page.contains("\n### musicoder corpus fetch\n"));
        assertTrue(page.contains("--local-repository=DIR"));
    }
}
