package io.herald.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFoldersTest {

    @TempDir
    Path tmp;

    private Path folder(String name, String owner) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.createDirectories(folder.resolve("payara/deep"));
        Files.writeString(folder.resolve("payara/deep/file"), "x");
        if (owner != null) {
            Files.writeString(folder.resolve(WorkFolders.OWNER), owner);
        }
        return folder;
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor(10, TimeUnit.SECONDS);
        return process.pid();
    }

    @Test
    void aFolderWhoseOwnerIsGoneIsDeleted() throws Exception {
        Path stale = folder("herald-1", String.valueOf(deadPid()));

        assertEquals(1, WorkFolders.deleteStale(tmp));

        assertFalse(Files.exists(stale));
    }

    @Test
    void foldersOfRunningLaunchersAndOthersAreKept() throws Exception {
        Path mine = folder("herald-2", String.valueOf(ProcessHandle.current().pid()));
        Path unmarked = folder("herald-3", null);
        Path garbled = folder("herald-4", "not a pid");
        Path other = folder("other-5", String.valueOf(deadPid()));

        assertEquals(0, WorkFolders.deleteStale(tmp));

        assertTrue(Files.exists(mine) && Files.exists(unmarked) && Files.exists(garbled) && Files.exists(other));
    }

    @Test
    void aReusedProcessIdDoesNotKeepAFolderAlive() throws Exception {
        // the folder predates this process: its recorded pid (ours) belongs to a newer process
        Path old = folder("herald-6", String.valueOf(ProcessHandle.current().pid()));
        Files.setLastModifiedTime(old.resolve(WorkFolders.OWNER), java.nio.file.attribute.FileTime.fromMillis(0));

        assertTrue(WorkFolders.isStale(old));
    }
}
