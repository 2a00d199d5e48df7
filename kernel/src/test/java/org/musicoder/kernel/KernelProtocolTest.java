package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through Jupyter's own client ({@code src/test/python/protocol.py}): messages signed with a wrong key are
 * ignored and the kernel keeps answering; the sockets listen on the connection file's address only; an interrupt
 * stops a Java infinite loop (also inside {@code %%time}) and a running {@code %pretrain} (which keeps its model)
 * and the next cell answers, and one that arrives while the cell compiles stops it before it runs; a restart
 * gives a fresh session; live figure updates carry their static image once, with the last state.
 */
class KernelProtocolTest {
    @Test
    void forgedMessagesAddressesAndInterrupts(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("protocol", 8);
    }
}
