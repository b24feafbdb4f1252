package io.herald.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The launcher's private work folders ({@code herald-*} in the temporary directory). Each records
 * its owner's process id; a folder whose owner is gone (the process was killed, so its shutdown
 * hook never ran) is deleted when the next launcher starts. A folder without that record, or whose
 * owner still runs, is left alone.
 */
final class WorkFolders {

    static final String PREFIX = "herald-";
    static final String OWNER = "herald.pid";

    private WorkFolders() {
    }

    /** Creates this process's work folder and records the owner. */
    static Path create() throws IOException {
        Path work = Files.createTempDirectory(PREFIX);
        Files.writeString(work.resolve(OWNER), String.valueOf(ProcessHandle.current().pid()));
        return work;
    }

    /** Deletes the folders under {@code parent} whose owner no longer runs; @return how many */
    static int deleteStale(Path parent) {
        int deleted = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                if (isStale(folder)) {
                    delete(folder);
                    deleted++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not clean up old work folders in " + parent + ": " + e);
        }
        return deleted;
    }

    static boolean isStale(Path folder) throws IOException {
        Path owner = folder.resolve(OWNER);
        if (!Files.isDirectory(folder) || !Files.isRegularFile(owner)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(owner).trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Instant created = Files.getLastModifiedTime(owner).toInstant();
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        // a process id can be reused: a process that started after the folder was made is not its owner
        return process.isEmpty() || !process.get().isAlive()
                || process.get().info().startInstant().map(started -> started.isAfter(created)).orElse(false);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
