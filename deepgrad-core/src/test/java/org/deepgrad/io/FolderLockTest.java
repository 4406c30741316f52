package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One holder per folder: in this JVM (a second acquire fails, naming this process) and across
 * processes (a child JVM holds the folder; its lock goes when it is killed, so the folder can be
 * taken at once, with no lock file to clean up).
 */
class FolderLockTest {
  @TempDir Path dir;

  private static final String PID = "pid " + ProcessHandle.current().pid() + ": ";

  @Test
  void aFolderHasOneHolderInAJvm() throws IOException {
    try (FolderLock lock = FolderLock.acquire(dir, "test one")) {
      assertEquals(dir, lock.dir());
      FolderLockedException e = assertThrows(FolderLockedException.class, () -> FolderLock.acquire(dir, "test two"));
      assertTrue(e.holder().startsWith(PID + "test one, since "), e.holder());
      assertTrue(e.getMessage().startsWith(dir + " is in use by " + PID + "test one"), e.getMessage());
      assertEquals(Optional.of(e.holder()), FolderLock.holder(dir));
      // The same folder by another path is the same folder.
      assertThrows(FolderLockedException.class, () -> FolderLock.acquire(dir.resolve("."), "test three"));
    }
    assertEquals(Optional.empty(), FolderLock.holder(dir));
    try (FolderLock again = FolderLock.acquire(dir, "test four")) {
      assertTrue(Files.readString(dir.resolve(FolderLock.FILE)).startsWith(PID + "test four"));
    }
    assertEquals("", Files.readString(dir.resolve(FolderLock.FILE)), "the holder's text is cleared on release");
  }

  @Test
  void aFolderWithoutALockFileIsFree() throws IOException {
    assertEquals(Optional.empty(), FolderLock.holder(dir));
    assertTrue(Files.notExists(dir.resolve(FolderLock.FILE)), "asking creates nothing");
  }

  @Test
  void closingTwiceIsHarmless() throws IOException {
    FolderLock lock = FolderLock.acquire(dir, "test");
    lock.close();
    lock.close();
    FolderLock.acquire(dir, "test").close();
  }

  @Test
  void anotherProcessHoldsTheFolderUntilItIsKilled() throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
        .redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("held", lines.readLine(), "the child took the folder");
      FolderLockedException e = assertThrows(FolderLockedException.class, () -> FolderLock.acquire(dir, "parent"));
      assertTrue(e.holder().startsWith("pid " + child.pid() + ": child, since "), e.holder());
      assertEquals(Optional.of(e.holder()), FolderLock.holder(dir));
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    assertEquals(Optional.empty(), FolderLock.holder(dir), "the system released the dead process's lock");
    FolderLock.acquire(dir, "parent").close();
  }

  /** The child process: holds the folder in {@code args[0]}, says so, and waits to be killed. */
  static final class Holder {
    public static void main(String[] args) throws Exception {
      FolderLock lock = FolderLock.acquire(Path.of(args[0]), "child");
      System.out.println("held");
      System.out.flush();
      Thread.sleep(120_000);
      lock.close();
    }
  }
}
