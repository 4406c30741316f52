package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void staleTempsOfDeadWritersAreRemovedAndLiveOnesKept() throws IOException {
    long dead = deadPid();
    Path stale = Files.writeString(dir.resolve(".ckpt-00000010.safetensors." + dead + ".3.tmp"), "half");
    Path live = Files.writeString(dir.resolve(".model.json." + ProcessHandle.current().pid() + ".7.tmp"), "busy");
    Path other = Files.writeString(dir.resolve("notes.tmp"), "mine");
    assertEquals(1, AtomicFiles.removeStaleTemps(dir));
    assertTrue(Files.notExists(stale));
    assertTrue(Files.exists(live) && Files.exists(other));
    assertEquals(0, AtomicFiles.removeStaleTemps(dir.resolve("absent")));
  }

  /** A process id no running process has. */
  private static long deadPid() {
    long pid = 4_000_000;
    while (ProcessHandle.of(pid).isPresent()) pid++;
    return pid;
  }

  @Test
  void writesANewFileAndReplacesAnOldOneLeavingNoTemporaryFiles() throws IOException {
    Path target = dir.resolve("model.bin");
    AtomicFiles.write(target, out -> out.write(bytes("first")));
    assertEquals("first", Files.readString(target));
    AtomicFiles.write(target, out -> {
      out.write(bytes("second, "));
      out.write('x');
      out.close(); // closing only flushes: the file must still be synced and renamed
    });
    assertEquals("second, x", Files.readString(target));
    assertEquals(List.of(target), list(dir));
  }

  @Test
  void theOldFileSurvivesAWriterThatFailsMidway() throws IOException {
    Path target = dir.resolve("checkpoint.bin");
    Files.writeString(target, "old, complete contents");
    IOException failure = new IOException("disk full");
    IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write(new byte[100_000]); // more than the buffer: part of it reaches the temporary file
      throw failure;
    }));
    assertSame(failure, thrown);
    assertEquals("old, complete contents", Files.readString(target));
    assertEquals(List.of(target), list(dir));

    assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
      out.write(bytes("partial"));
      throw new IllegalStateException("bug in the writer");
    }));
    assertEquals("old, complete contents", Files.readString(target));
    assertEquals(List.of(target), list(dir));
  }

  @Test
  void aMissingDirectoryOrAFileInItsPlaceIsNamed() {
    Path missing = dir.resolve("no-such-dir");
    NoSuchFileException e = assertThrows(NoSuchFileException.class,
        () -> AtomicFiles.write(missing.resolve("m.bin"), out -> out.write(1)));
    assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());

    Path notADir = dir.resolve("plain-file");
    assertThrows(NotDirectoryException.class, () -> {
      Files.writeString(notADir, "x");
      AtomicFiles.write(notADir.resolve("m.bin"), out -> out.write(1));
    });

    assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(dir.getRoot(), out -> out.write(1)));
  }

  @Test
  void anUnwritableDirectoryGivesAClearError() throws IOException {
    Path locked = dir.resolve("locked");
    Files.createDirectory(locked);
    assumeTrue(Files.getFileStore(locked).supportsFileAttributeView("posix"), "needs POSIX permissions");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(refusesWrites(locked), "permissions are not enforced for this user (root)");
      assertUnwritable(locked);
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aDirectoryTheKernelRefusesGivesAClearError() throws IOException {
    // sysfs refuses new files even for root, so this case also runs where permissions do not bind.
    Path sys = Path.of("/sys");
    assumeTrue(Files.isDirectory(sys) && refusesWrites(sys), "needs a read-only /sys (Linux)");
    assertUnwritable(sys);
  }

  private static void assertUnwritable(Path directory) {
    Path target = directory.resolve("model.safetensors");
    AccessDeniedException e = assertThrows(AccessDeniedException.class,
        () -> AtomicFiles.write(target, out -> out.write(1)));
    assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("not writable"),
        e.getMessage());
  }

  private static boolean refusesWrites(Path directory) throws IOException {
    try {
      Files.delete(Files.createFile(directory.resolve("probe")));
      return false;
    } catch (FileSystemException refused) {
      return true;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> s = Files.list(directory)) {
      return s.toList();
    }
  }
}
