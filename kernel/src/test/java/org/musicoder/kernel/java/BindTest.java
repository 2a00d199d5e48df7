package org.musicoder.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musicoder.kernel.CellError;

class BindTest {
    private static long snippets(JavaSession java) throws CellError {
        return java.snippetCount();
    }

    @Test
    void aRepeatedBindingSetsTheVariableInPlaceUntilTheUserRedeclaresIt() throws CellError {
        try (JavaSession java = JavaSession.start(System.getProperty("java.class.path"), List.of())) {
            java.bind("result", new int[] {1}, "int[]");
            long after = snippets(java);
            java.bind("result", new int[] {2}, "int[]");
            java.bind("result", new int[] {3}, "int[]");
            assertEquals(after, snippets(java), "no new declaration");
            assertEquals(3, java.eval("result[0]", 1).object());
            java.bind("result", "text", "String");
            assertEquals("text", java.eval("result", 2).object(), "another type declares it anew");
            java.eval("int result = 5;", 3);
            java.bind("result", "again", "String");
            assertEquals("again", java.eval("result", 4).object(), "after the user's own declaration too");
        }
    }
}
