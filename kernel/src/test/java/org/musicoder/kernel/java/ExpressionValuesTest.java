package org.musicoder.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musicoder.kernel.CellError;

class ExpressionValuesTest {
    private static String lastTemp(JavaSession java) {
        List<String> temps = java.variables().stream().filter(n -> n.startsWith("$")).toList();
        return temps.get(temps.size() - 1);
    }

    @Test
    void onlyTheLastExpressionValuesStayInTheirTemporaryVariables() throws CellError {
        try (JavaSession java = JavaSession.start(System.getProperty("java.class.path"), List.of())) {
            java.eval("new int[] {7}", 1);
            String first = lastTemp(java);
            java.eval("new int[] {8}", 2);
            String second = lastTemp(java);
            assertEquals(7, java.eval(first + "[0]", 3).object());
            for (int i = 0; i < ExpressionValues.KEPT; i++) java.eval("new int[] {" + i + "}", 4 + i);
            String recent = lastTemp(java);
            assertEquals(true, java.eval(first + " == null", 30).object(), "the oldest value is released");
            assertEquals(true, java.eval(second + " == null", 31).object());
            assertEquals(true, java.eval(recent + " != null", 32).object(), "recent values stay");
            assertEquals(42, java.eval("int y = 42;\ny", 33).object(), "variables are untouched");
        }
    }
}
