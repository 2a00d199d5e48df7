package org.musicoder.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.musicoder.kernel.connect.GuardedConnection;
import org.musicoder.kernel.java.JavaSession;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What {@code KernelMain --warm-up} does while the JVM records its class-data archive ({@code kernel install}):
 * the kernel's start (sockets bound on free local ports, no client), JShell's start and a cell, a rendered
 * table; then it exits. The kernel started later maps these classes instead of loading and verifying them.
 */
final class WarmUp {
    private WarmUp() {}

    static void run() throws Exception {
        KernelConnectionProperties props = new KernelConnectionProperties("127.0.0.1", freePort(), freePort(),
                freePort(), freePort(), freePort(), "tcp", "hmac-sha256", "warm-up");
        GuardedConnection connection = new GuardedConnection(props);
        MusiCoderKernel kernel = new MusiCoderKernel(System.getProperty("java.class.path"));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        JavaSession java = kernel.java();
        java.eval("int warm = 6 * 7;\nList.of(warm)", 0);
        kernel.display().render(Table.create("warm-up", IntColumn.create("a", new int[] {1, 2})));
        kernel.onShutdown(false);
        connection.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
