package org.musicoder.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.musicoder.kernel.CellError;

class InProcessControlTest {
    private static int execGroups() {
        ThreadGroup parent = Thread.currentThread().getThreadGroup();
        ThreadGroup[] groups = new ThreadGroup[parent.activeGroupCount() + 1];
        int n = parent.enumerate(groups, false);
        int count = 0;
        for (int i = 0; i < n; i++) if (InProcessControl.EXEC_GROUP.equals(groups[i].getName())) count++;
        return count;
    }

    @Test
    void snippetRunsLeaveNoThreadGroupsBehind() throws CellError {
        try (JavaSession java = JavaSession.start(System.getProperty("java.class.path"), List.of())) {
            int before = execGroups();
            for (int i = 0; i < 30; i++) assertEquals(i + 1, java.eval("int x = " + i + ";\nx + 1", i).object());
            assertTrue(execGroups() <= before, "thread groups left: " + execGroups() + ", before " + before);
        }
    }
}
