package org.musicoder.kernel;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through Jupyter's own client ({@code src/test/python/protocol.py}): messages signed with a wrong key are
 * ignored and the kernel keeps answering; the sockets listen on the connection file's address only; an interrupt
 * stops a Java infinite loop and a running {@code %pretrain} (which keeps its model) and the next cell answers.
 */
class KernelProtocolTest {
    @Test
    void forgedMessagesAddressesAndInterrupts(@TempDir Path tmp) throws Exception {
        new Jupyter(tmp).unittest("protocol", 5);
    }
}
