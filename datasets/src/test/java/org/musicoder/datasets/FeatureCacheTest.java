package org.musicoder.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musicoder.features.FeatureConfig;
import org.musicoder.io.Npy;

class FeatureCacheTest {
    private static final FeatureConfig CFG = FeatureConfig.PAPER;

    @TempDir
    Path tmp;

    private Path cacheDir() {
        return tmp.resolve("cache");
    }

    private Path clip(String name, String content) throws IOException {
        return Files.writeString(tmp.resolve(name), content);
    }

    private List<Path> clips(int n) throws IOException {
        List<Path> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(clip("clip" + i + ".wav", "RIFF fake audio " + "x".repeat(i)));
        return l;
    }

    /** A compute step that counts its calls. */
    private static FeatureCache.Compute counting(AtomicInteger calls) {
        return a -> {
            calls.incrementAndGet();
            return FakeFeatures.of(a);
        };
    }

    private static void assertSame(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int r = 0; r < expected.length; r++) assertArrayEquals(expected[r], actual[r]);
    }

    @Test
    void contentHashIsSha256() throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir());
        // FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                cache.contentHash(clip("abc", "abc")));
    }

    @Test
    void aSecondCallReadsTheStoredFloat32Npy() throws IOException {
        Path a = clip("a.wav", "some audio bytes");
        AtomicInteger calls = new AtomicInteger();
        float[][] first = new FeatureCache(cacheDir()).get(a, CFG, counting(calls));
        float[][] second = new FeatureCache(cacheDir()).get(a, CFG, counting(calls));
        assertEquals(1, calls.get());
        assertSame(FakeFeatures.of(a), first);
        assertSame(first, second);

        Path entry = new FeatureCache(cacheDir()).entry(a, CFG, 0, 0);
        assertTrue(entry.startsWith(cacheDir()) && entry.getFileName().toString().endsWith(".npy"));
        byte[] bytes = Files.readAllBytes(entry);
        int headerLen = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String header = new String(bytes, 10, headerLen, StandardCharsets.ISO_8859_1);
        int rows = first.length;
        assertTrue(header.contains("'descr': '<f4'") && header.contains("'shape': (" + rows + ", 324)"), header);
        assertEquals(10 + headerLen + rows * 324 * 4, bytes.length);
        assertEquals(first[1][2], ByteBuffer.wrap(bytes, 10 + headerLen + (324 + 2) * 4, 4)
                .order(ByteOrder.LITTLE_ENDIAN).getFloat());
    }

    @Test
    void keyedByContentRecipeOffsetAndDuration() throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir());
        Path a = clip("a.wav", "same bytes");
        Path copy = clip("copy.au", "same bytes");
        AtomicInteger calls = new AtomicInteger();
        cache.get(a, CFG, counting(calls));
        cache.get(copy, CFG, counting(calls));
        cache.get(a, CFG, 0, Double.NaN, counting(calls));
        assertEquals(1, calls.get(), "same content, whole clip");
        cache.get(a, CFG.withPadMode(FeatureConfig.PadMode.REFLECT), counting(calls));
        assertEquals(2, calls.get(), "other recipe");
        cache.get(a, CFG, 5, 0, counting(calls));
        assertEquals(3, calls.get(), "other offset");
        cache.get(a, CFG, 5, 10, counting(calls));
        assertEquals(4, calls.get(), "other duration");
        cache.get(a, CFG, 5, 10, counting(calls));
        assertEquals(4, calls.get());
        Path changed = clip("changed.wav", "same bytez");
        cache.get(changed, CFG, counting(calls));
        assertEquals(5, calls.get(), "other content");
        assertNotEquals(cache.entry(a, CFG, 0, 0), cache.entry(changed, CFG, 0, 0));
    }

    @Test
    void corruptEntriesAreRecomputed() throws IOException {
        Path a = clip("a.wav", "audio");
        List<String> warnings = new ArrayList<>();
        FeatureCache cache = new FeatureCache(cacheDir(), warnings::add);
        AtomicInteger calls = new AtomicInteger();
        float[][] expected = cache.get(a, CFG, counting(calls));
        Path entry = cache.entry(a, CFG, 0, 0);
        byte[] whole = Files.readAllBytes(entry);

        Files.write(entry, Arrays.copyOf(whole, whole.length / 2));                 // truncated
        assertSame(expected, cache.get(a, CFG, counting(calls)));
        assertEquals(2, calls.get());
        assertArrayEquals(whole, Files.readAllBytes(entry));                        // rewritten whole

        Files.writeString(entry, "garbage, not npy");                              // not .npy at all
        assertSame(expected, cache.get(a, CFG, counting(calls)));
        Npy.write(entry, new float[][]{{1, 2, 3}});                                 // wrong shape
        assertSame(expected, cache.get(a, CFG, counting(calls)));
        assertEquals(4, calls.get());
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(entry.toString()) && warnings.get(0).contains("recomputing"));
        assertTrue(warnings.get(2).contains("324"), warnings.get(2));

        assertSame(expected, cache.get(a, CFG, counting(calls)));
        assertEquals(4, calls.get());
    }

    @Test
    void badlyShapedComputationsAreRejectedAndNotStored() throws IOException {
        Path a = clip("a.wav", "audio");
        FeatureCache cache = new FeatureCache(cacheDir());
        assertThrows(IllegalStateException.class, () -> cache.get(a, CFG, x -> new float[4][323]));
        assertThrows(IllegalStateException.class, () -> cache.get(a, CFG, x -> new float[0][]));
        assertFalse(Files.exists(cache.entry(a, CFG, 0, 0)));
    }

    @Test
    void threadsRacingOnTwoCacheInstancesAgree() throws Exception {
        List<Path> clips = clips(12);
        FeatureCache[] caches = {new FeatureCache(cacheDir()), new FeatureCache(cacheDir())};
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<float[][]>>> results = new ArrayList<>();
        try (Watcher watcher = new Watcher(cacheDir())) {
            for (int w = 0; w < 4; w++) {
                FeatureCache cache = caches[w % 2];
                results.add(pool.submit(() -> {
                    start.await();
                    List<float[][]> out = new ArrayList<>();
                    for (Path c : clips) out.add(cache.get(c, CFG, a -> FakeFeatures.slowly(a, 5)));
                    return out;
                }));
            }
            start.countDown();
            for (Future<List<float[][]>> f : results) {
                List<float[][]> out = f.get(60, TimeUnit.SECONDS);
                for (int i = 0; i < clips.size(); i++) assertSame(FakeFeatures.of(clips.get(i)), out.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertCompleteCache(clips);
    }

    @Test
    void twoProcessesFillingOneCacheLeaveWholeEntries() throws Exception {
        List<Path> clips = clips(16);
        Path sync = Files.createDirectories(tmp.resolve("sync"));
        List<Process> procs = new ArrayList<>();
        try (Watcher watcher = new Watcher(cacheDir())) {
            for (String name : List.of("p1", "p2")) {
                List<String> cmd = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), FeatureCacheWriter.class.getName(),
                        cacheDir().toString(), sync.toString(), name));
                clips.forEach(c -> cmd.add(c.toString()));
                procs.add(new ProcessBuilder(cmd).redirectErrorStream(true).start());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(sync.resolve("ready-p1")) && Files.exists(sync.resolve("ready-p2")))) {
                assertTrue(System.nanoTime() < deadline, "writer processes did not start");
                Thread.sleep(5);
            }
            Files.createFile(sync.resolve("go"));
            int computed = 0;
            for (Process p : procs) {
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer process hung");
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertEquals(0, p.exitValue(), out);
                computed += Integer.parseInt(out);
            }
            assertTrue(computed >= clips.size() && computed <= 2 * clips.size(), "computed " + computed);
        } finally {
            procs.forEach(Process::destroyForcibly);
        }
        assertCompleteCache(clips);
    }

    /** Every clip has a whole entry with the right values, and no temporary file is left. */
    private void assertCompleteCache(List<Path> clips) throws IOException {
        FeatureCache cache = new FeatureCache(cacheDir());
        for (Path c : clips)
            assertSame(FakeFeatures.of(c), Npy.read(cache.entry(c, CFG, 0, 0)).toFloat2d());
        try (Stream<Path> s = Files.walk(cacheDir())) {
            List<Path> files = s.filter(Files::isRegularFile).toList();
            assertEquals(clips.size(), files.size(), files.toString());
        }
    }

    /** Reads every {@code .npy} in the cache, over and over, while writers run; each must be whole. */
    private static final class Watcher implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger reads = new AtomicInteger();
        private final AtomicInteger bad = new AtomicInteger();
        private final List<String> failures = new ArrayList<>(); // the first few
        private final Thread thread;

        Watcher(Path dir) {
            thread = new Thread(() -> {
                while (!stop.get()) scan(dir);
            });
            thread.start();
        }

        private void scan(Path dir) {
            if (!Files.isDirectory(dir)) return;
            try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir)) {
                for (Path shard : shards)
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(shard, "*.npy")) {
                        for (Path e : entries) {
                            Npy.Array a = Npy.read(e);
                            if (a.shape().length != 2 || a.cols() != 324 || a.rows() < 3)
                                fail(e + ": shape " + Arrays.toString(a.shape()));
                            reads.incrementAndGet();
                        }
                    }
            } catch (IOException e) {
                fail(e.toString());
            }
        }

        private void fail(String why) {
            if (bad.incrementAndGet() <= 3) failures.add(why);
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
            assertEquals(0, bad.get(), "partial entries seen, e.g. " + failures);
            assertTrue(reads.get() > 0, "the watcher never saw an entry");
        }
    }
}
