package org.musicoder.audio.vorbis;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.musicoder.audio.AudioLoader;

/** Leases open at once share no JOrbis class (so no JOrbis lock), and parallel decodes equal a serial one. */
class JOrbisPoolTest {
    private static final Path OGG = Path.of("src/test/resources/fixtures/audio/test30.ogg");

    @Test
    void openLeasesHaveTheirOwnJOrbis() throws Exception {
        try (JOrbisPool.Lease a = JOrbisPool.lease(); JOrbisPool.Lease b = JOrbisPool.lease()) {
            Class<?> ca = a.synthesis().getClass(), cb = b.synthesis().getClass();
            assertNotSame(ca.getClassLoader(), cb.getClassLoader());
            assertNotSame(JOrbisSynthesis.class, ca, "the lease must not use the caller's JOrbis");
            Class<?> mappingA = Class.forName("com.jcraft.jorbis.Mapping0", false, ca.getClassLoader());
            Class<?> mappingB = Class.forName("com.jcraft.jorbis.Mapping0", false, cb.getClassLoader());
            assertNotSame(mappingA, mappingB, "Mapping0 holds the lock that serialised decoding");
            assertSame(com.jcraft.jogg.Packet.class,
                    Class.forName("com.jcraft.jogg.Packet", false, ca.getClassLoader()), "jogg stays shared");
        }
    }

    @Test
    void aClosedLeaseIsReused() {
        ClassLoader first;
        try (JOrbisPool.Lease a = JOrbisPool.lease()) {
            first = a.synthesis().getClass().getClassLoader();
        }
        int reused = 0;
        JOrbisPool.Lease[] held = new JOrbisPool.Lease[8];
        for (int i = 0; i < held.length; i++) {
            held[i] = JOrbisPool.lease();
            if (held[i].synthesis().getClass().getClassLoader() == first) reused++;
        }
        for (JOrbisPool.Lease l : held) l.close();
        assertEquals(1, reused, "a released loader is leased again, once");
    }

    @Test
    void parallelDecodesEqualASerialOne() throws Exception {
        float[] serial = AudioLoader.load(OGG, 0, 0).samples();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] runs = new Future<?>[8];
            for (int i = 0; i < runs.length; i++) runs[i] = pool.submit(() -> AudioLoader.load(OGG, 0, 0).samples());
            for (Future<?> r : runs) assertArrayEquals(serial, (float[]) r.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
