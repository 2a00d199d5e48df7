package org.musicoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnginesTest {
    @Test
    void threadsAreSetExplicitly() {
        Engines.pytorch(1);
        assertEquals(1, Engines.threads());
        Engines.pytorch(2);
        assertEquals(2, Engines.threads());
        assertThrows(IllegalArgumentException.class, () -> Engines.pytorch(0));
    }

    /** The build's offline switch reaches the system property DJL reads (true unless built with -Pcuda). */
    @Test
    void offlineComesFromTheBuild() throws Exception {
        Engines.pytorch(1);
        Properties p = new Properties();
        try (InputStream in = Engines.class.getResourceAsStream("/musicoder-build.properties")) {
            p.load(in);
        }
        String built = p.getProperty("ai.djl.offline");
        assertTrue(built.equals("true") || built.equals("false"), "filtered value: " + built);
        assertEquals(built, System.getProperty("ai.djl.offline"));
    }

    @Test
    void gpuIsNeverASilentCpuFallback() {
        Engine engine = Engines.pytorch(1);
        assertEquals(Device.cpu(), Engines.device(engine, "cpu"));
        if (engine.getGpuCount() == 0) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Engines.device(engine, "gpu"));
            assertTrue(e.getMessage().startsWith("--device gpu: no CUDA GPU found"), e.getMessage());
            assertTrue(e.getMessage().contains("-Pcuda"), e.getMessage());
        } else {
            assertEquals(Device.gpu(0), Engines.device(engine, "gpu"));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Engines.device(engine, "tpu"));
        assertTrue(e.getMessage().contains("tpu"), e.getMessage());
    }
}
