package org.musicoder.kernel.js;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JS cells: state across cells, objects shared both ways, errors located in the cell, completion, interrupt. */
class JsSessionTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final JsSession js = new JsSession(() -> console, () -> console);

    @AfterEach
    void close() {
        js.close();
    }

    @Test
    void globalsPersistAcrossCells() throws JsError {
        assertNull(js.eval("let a = 6; const b = 7; var c = 'x'; function twice(v) { return 2 * v; }"));
        assertEquals(List.of(1, 2), js.eval("d = [1, 2]"), "an assignment's value, and d becomes a global");
        assertEquals(6 * 7, js.eval("a * b"));
        assertEquals("xx", js.eval("c + c"));
        assertEquals(2 * (6 + 7), js.eval("twice(a + b)"));
        assertEquals(List.of(1, 2, 3), js.eval("d.push(3); d"));
        assertEquals(List.of(1, 2, 3), js.get("d"));
        assertEquals(6, js.get("a"));
        assertThrows(NoSuchElementException.class, () -> js.get("nothingHere"));
    }

    @Test
    void consoleLogGoesToTheSuppliedStream() throws JsError {
        js.eval("console.log('hello', 1 + 1)");
        assertEquals("hello 2\n", console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aJavaMatrixIsEditedInPlaceByJs() throws JsError {
        float[][] m = randomMatrix(40, 6, 1);
        float[][] original = copy(m);
        js.put("m", m);
        js.eval(""
                + "for (let j = 0; j < m[0].length; j++) {\n"
                + "  let s = 0, q = 0;\n"
                + "  for (let i = 0; i < m.length; i++) { s += m[i][j]; q += m[i][j] * m[i][j]; }\n"
                + "  const mean = s / m.length, std = Math.sqrt(q / m.length - mean * mean);\n"
                + "  for (let i = 0; i < m.length; i++) m[i][j] = (m[i][j] - mean) / std;\n"
                + "}");
        float[][] expected = normalisedColumns(original);
        for (int i = 0; i < m.length; i++) assertArrayEquals(expected[i], m[i], 1e-5f, "row " + i);
        assertSame(m, js.get("m"), "JS hands back the same Java array");
        assertEquals(m.length, js.eval("m.length"));
    }

    @Test
    void javaListsAndObjectsAreUsableFromJs() throws JsError {
        List<Map<String, Object>> losses = new ArrayList<>();
        for (int step = 0; step < 5; step++) losses.add(Map.of("step", step, "loss", 1.0 / (step + 1)));
        js.put("losses", losses);
        double sum = losses.stream().mapToDouble(r -> (double) r.get("loss")).sum();
        assertEquals(sum, (double) js.eval("losses.reduce((s, r) => s + r.get('loss'), 0)"), 1e-12);
        assertEquals(losses.size(), js.eval("losses.size()"));
        js.eval("losses.add(Java.type('java.util.Map').of('step', 5, 'loss', 0.1))");
        assertEquals(6, losses.size(), "a JS call on the Java list changes the Java list");
    }

    @Test
    void jsValuesReachJavaAsPlainObjects() throws JsError {
        js.eval("x = {name: 'clip', frames: 1292, rate: 43.07, tags: ['rock', null, true], nested: {k: [1.5]}}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("name", "clip");
        expected.put("frames", 1292);
        expected.put("rate", 43.07);
        expected.put("tags", Arrays.asList("rock", null, true));
        expected.put("nested", Map.of("k", List.of(1.5)));
        assertEquals(expected, js.get("x"));
        assertEquals(Map.of("a", 1), js.eval("new Map([['a', 1]])"));
        assertEquals("[Circular]", ((Map<?, ?>) js.eval("const loop = {}; loop.self = loop; loop")).get("self"));
        assertNull(js.eval("undefined"));
        assertEquals(Long.MAX_VALUE / 2 + 1, js.eval("2 ** 62"));
    }

    @Test
    void typedArraysReachJavaAsPrimitiveArrays() throws JsError {
        float[][] m = randomMatrix(30, 4, 2);
        js.put("m", m);
        js.eval("f = new Float32Array(m.length); for (let i = 0; i < m.length; i++) f[i] = m[i][1];"
                + " g = Float64Array.from(f, v => v * 2); h = g.subarray(3, 9);");
        float[] column = new float[m.length];
        for (int i = 0; i < m.length; i++) column[i] = m[i][1];
        assertArrayEquals(column, (float[]) js.get("f"));
        double[] doubled = new double[m.length];
        for (int i = 0; i < m.length; i++) doubled[i] = 2.0 * column[i];
        assertArrayEquals(doubled, (double[]) js.get("g"));
        assertArrayEquals(Arrays.copyOfRange(doubled, 3, 9), (double[]) js.get("h"), "a view with a byte offset");
    }

    @Test
    void aJavaByteBufferIsViewedByJsWithoutCopying() throws JsError {
        int n = 1000;
        ByteBuffer buf = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
        js.put("buf", buf);
        js.eval("const v = new Float32Array(new ArrayBuffer(buf)); for (let i = 0; i < v.length; i++) v[i] = i / 4;");
        for (int i = 0; i < n; i++) assertEquals(i / 4f, buf.getFloat(i * Float.BYTES));
        buf.putFloat(0, 123.5f);
        assertEquals(123.5, js.eval("v[0]"), "Java's write is seen by JS: the same memory");
    }

    @Test
    void errorsCarryTheJsMessageAndTheCellLine() {
        JsError type = assertThrows(JsError.class, () -> js.eval("let ok = 1;\n\n   null.foo;"));
        assertEquals("TypeError", type.name());
        assertTrue(type.jsMessage().contains("foo"), type.jsMessage());
        assertEquals(3, type.line());
        assertEquals(4, type.column());

        JsError syntax = assertThrows(JsError.class, () -> js.eval("let a = 1;\nlet b = (2 +;\n"));
        assertEquals("SyntaxError", syntax.name());
        assertEquals(2, syntax.line());
        assertEquals("let b = (2 +;".indexOf(';') + 1, syntax.column());

        JsError thrown = assertThrows(JsError.class,
                () -> js.eval("function check(v) {\n  if (v < 0) throw new RangeError('negative: ' + v);\n}\ncheck(-1);"));
        assertEquals("RangeError", thrown.name());
        assertEquals("negative: -1", thrown.jsMessage());
        assertEquals(2, thrown.line(), "the innermost frame in the cell");
        assertTrue(thrown.stack().get(0).startsWith("at check ("), thrown.stack().toString());

        js.put("list", new ArrayList<>(List.of(1, 2)));
        JsError host = assertThrows(JsError.class, () -> js.eval("list.get(0);\nlist.get(5);"));
        assertEquals("IndexOutOfBoundsException", host.name());
        assertEquals(2, host.line());
    }

    @Test
    void completesGlobalsAndMembers() throws JsError {
        js.put("features", new float[3][4]);
        JsCompletion beforeStart = js.complete("feat", 4);
        assertEquals(List.of("features"), beforeStart.matches());
        assertEquals(0, beforeStart.start());
        assertEquals(JsMode.NOT_STARTED, js.mode());

        js.eval("let featureMean = 0; var summary = {frames: 1, firstFrame: 0, blocks: 5};");
        assertEquals(List.of("featureMean", "features"), js.complete("x = feat", 8).matches());
        JsCompletion math = js.complete("y = Math.fl", 11);
        assertTrue(math.matches().contains("floor"), math.matches().toString());
        assertEquals(9, math.start());
        assertEquals(List.of("firstFrame", "frames"), js.complete("summary.f", 9).matches());
        assertTrue(js.complete("summary.", 8).matches().contains("hasOwnProperty"), "inherited members");
        assertEquals(List.of("length"), js.complete("features.len", 12).matches());
        js.put("names", new ArrayList<String>());
        assertTrue(js.complete("names.ad", 8).matches().containsAll(List.of("add", "addAll")));
        assertTrue(js.complete("Ma", 2).matches().contains("Math"), "builtins are globals too");
        assertEquals(List.of(), js.complete("nothere.x", 9).matches());
    }

    @Test
    void interruptStopsARunawayLoopAndKeepsTheGlobals() throws Exception {
        js.eval("var kept = 41;");
        CountDownLatch running = new CountDownLatch(1);
        js.put("running", (Runnable) running::countDown);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                js.eval("running.run();\nwhile (true) {}");
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        cell.start();
        running.await();
        js.interrupt();
        cell.join(60_000);
        assertFalse(cell.isAlive(), "the loop stopped");
        assertTrue(outcome.get() instanceof JsError, String.valueOf(outcome.get()));
        assertTrue(((JsError) outcome.get()).interrupted());
        assertEquals(41 + 1, js.eval("kept + 1"), "the context and its globals survive");
        js.interrupt();
        assertEquals(41, js.eval("kept"), "an interrupt while idle does not touch the next cell");
    }

    @Test
    void aCellStuckInJavaIsCancelledAndTheNextCellGetsAFreshContext() throws Exception {
        js.eval("var jsOnly = 1;");
        js.put("fromJava", 7);
        CountDownLatch inJava = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        js.put("stuck", (Runnable) () -> {
            inJava.countDown();
            awaitIgnoringInterrupts(release);
        });
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try {
                js.eval("stuck.run();\nwhile (true) {}");
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        cell.start();
        inJava.await();
        Thread stopper = new Thread(js::interrupt);
        stopper.start();
        while (js.mode() != JsMode.NOT_STARTED) Thread.sleep(10); // the session gave up the stuck context
        release.countDown();
        stopper.join(60_000);
        cell.join(60_000);
        assertFalse(cell.isAlive(), "the cell stopped");
        assertTrue(outcome.get() instanceof JsError && ((JsError) outcome.get()).interrupted(),
                String.valueOf(outcome.get()));
        assertEquals(7, js.eval("fromJava"), "names bound from Java come back");
        assertEquals("undefined", js.eval("typeof jsOnly"), "JS-only globals are gone with the old context");
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // a stuck Java call: ignore the interrupt, as a long computation would
            }
        }
    }

    @Test
    void modeSaysWhetherJvmciCompilesJs() throws JsError {
        js.eval("1");
        boolean jvmci = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+EnableJVMCI");
        assertEquals(jvmci ? JsMode.OPTIMIZING : JsMode.INTERPRETER, js.mode());
    }

    private static float[][] randomMatrix(int rows, int cols, long seed) {
        Random r = new Random(seed);
        float[][] m = new float[rows][cols];
        for (float[] row : m) for (int j = 0; j < cols; j++) row[j] = (float) (r.nextGaussian() * 3 + j);
        return m;
    }

    private static float[][] copy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }

    /** Per column (x - mean) / std, std with ddof 0, in double (the library's CMVN without the floor). */
    private static float[][] normalisedColumns(float[][] m) {
        float[][] out = copy(m);
        for (int j = 0; j < m[0].length; j++) {
            double mean = 0, var = 0;
            for (float[] row : m) mean += row[j];
            mean /= m.length;
            for (float[] row : m) var += (row[j] - mean) * (row[j] - mean);
            double std = Math.sqrt(var / m.length);
            for (int i = 0; i < m.length; i++) out[i][j] = (float) ((m[i][j] - mean) / std);
        }
        return out;
    }
}
