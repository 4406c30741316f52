package org.deepgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Ownership of a folder by one process at a time: an operating-system lock
 * ({@link FileChannel#tryLock()}, {@code fcntl} on Linux) on the file {@value #FILE} in the folder.
 * The operating system releases the lock when the process ends in any way (a crash, {@code kill -9},
 * a power cut), so a lock is never stale: a killed run's folder can be taken over at once, and there
 * is no lock file to delete by hand.
 *
 * <p>While held, the file names its holder ({@code pid 1234: deepgrad train, since 2025-01-02T03:04:05Z})
 * for the message another process gets; the text is only information, the lock is what counts. The
 * file stays after release (deleting it would let two processes lock two different files of the same
 * name). Within one JVM a folder can be held once: a second {@link #acquire} fails as another
 * process's would. That case is answered from a table of the folders this JVM holds, before any
 * channel is opened: on Linux, closing any descriptor of a file drops every lock the process holds on
 * it, so a second channel must never be opened and closed while the first holds the lock.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name in the folder. */
  public static final String FILE = ".deepgrad.lock";
  /** The most bytes of the holder's text read back. */
  private static final int MAX_HOLDER_BYTES = 1024;
  /** The folders this JVM holds (real paths), with their holder's text. */
  private static final Map<Path, String> HELD = new HashMap<>();

  private final Path dir;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path dir, Path key, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes {@code dir} (an existing directory) for this process, recording {@code purpose} (e.g.
   * {@code deepgrad train}) as the holder.
   *
   * @throws FolderLockedException when another process, or this one, holds it
   * @throws IOException when the lock file cannot be created (a read-only or missing folder)
   */
  public static FolderLock acquire(Path dir, String purpose) throws IOException {
    String text = "pid " + ProcessHandle.current().pid() + ": " + purpose + ", since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    synchronized (HELD) {
      Path key = dir.toRealPath();
      String holder = HELD.get(key);
      if (holder != null) throw new FolderLockedException(dir, holder);
      FileChannel ch = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
        if (lock == null) throw new FolderLockedException(dir, read(ch));
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      try {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      } catch (IOException e) {
        // The lock holds without the text (a full disk): the text is only for others' messages.
      }
      HELD.put(key, text);
      return new FolderLock(dir, key, ch, lock);
    }
  }

  /**
   * Who holds {@code dir} now, without taking it: the holder's text, or empty when no process holds
   * it (or it has no lock file). For checks that must not write, such as a dry run.
   */
  public static Optional<String> holder(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) return Optional.empty();
    synchronized (HELD) {
      String own = HELD.get(dir.toRealPath());
      if (own != null) return Optional.of(own);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true); // shared: needs no write permission
        if (probe == null) return Optional.of(read(ch));
        probe.release();
        return Optional.empty();
      } catch (NoSuchFileException gone) {
        return Optional.empty();
      }
    }
  }

  /** The folder held. */
  public Path dir() {
    return dir;
  }

  /** Releases the folder: the holder's text is cleared, then the lock released. Idempotent. */
  @Override
  public void close() throws IOException {
    synchronized (HELD) {
      if (!channel.isOpen()) return;
      try {
        if (lock.isValid()) channel.truncate(0);
      } finally {
        channel.close(); // releases the lock
        HELD.remove(key);
      }
    }
  }

  /**
   * The holder's text, trimmed; "another process" when the holder has not written it (yet), or when
   * the locked file cannot be read (Windows' locks keep other processes from reading it).
   */
  private static String read(FileChannel ch) {
    ByteBuffer buf = ByteBuffer.allocate(MAX_HOLDER_BYTES);
    try {
      while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
        // read until full or at the end
      }
    } catch (IOException unreadable) {
      return "another process";
    }
    String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    return text.isEmpty() ? "another process" : text;
  }
}
