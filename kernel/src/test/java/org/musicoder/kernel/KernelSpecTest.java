package org.musicoder.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KernelSpecTest {
    @Test
    void musicoderJavaOptsReplacesTheDefaultJvmOptions() {
        assertEquals(KernelSpec.DEFAULT_JVM_OPTIONS, KernelSpec.jvmOptions(null));
        assertEquals(KernelSpec.DEFAULT_JVM_OPTIONS, KernelSpec.jvmOptions("  "));
        assertEquals(List.of("-Xmx2g", "-XX:+UseSerialGC"), KernelSpec.jvmOptions(" -Xmx2g  -XX:+UseSerialGC "));
    }
}
