package org.musicoder.kernel.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A session that has not run JS loads no GraalVM class; the first evaluation does (so the probe can see them). */
class JsSessionLazinessTest {
    private static final Predicate<String> GRAAL =
            n -> n.startsWith("org.graalvm.") || n.startsWith("com.oracle.truffle.");

    @Test
    void noGraalVmClassUntilTheFirstEvaluation() throws Exception {
        RecordingLoader probe = new RecordingLoader();
        Class<?> sessionClass = probe.loadClass(JsSession.class.getName());
        assertTrue(sessionClass.getClassLoader() == probe, "the probe defines JsSession itself");
        try (AutoCloseable session = (AutoCloseable) sessionClass.getConstructor().newInstance()) {
            sessionClass.getMethod("put", String.class, Object.class).invoke(session, "features", new float[2][3]);
            Object back = sessionClass.getMethod("get", String.class).invoke(session, "features");
            Object mode = sessionClass.getMethod("mode").invoke(session);
            Object completion = sessionClass.getMethod("complete", String.class, int.class).invoke(session, "fe", 2);
            sessionClass.getMethod("interrupt").invoke(session);
            assertTrue(back instanceof float[][]);
            assertEquals("NOT_STARTED", mode.toString());
            assertEquals(List.of("features"), completion.getClass().getMethod("matches").invoke(completion));
            assertTrue(probe.requested().contains(JsSession.class.getName()), "the probe records requests");
            assertEquals(List.of(), probe.requested().stream().filter(GRAAL).toList());

            Object value = sessionClass.getMethod("eval", String.class).invoke(session, "features.length");
            assertEquals(2, value);
            assertTrue(probe.requested().contains("org.graalvm.polyglot.Context"),
                    "after the first evaluation the probe sees GraalVM loaded");
        }
    }
}
