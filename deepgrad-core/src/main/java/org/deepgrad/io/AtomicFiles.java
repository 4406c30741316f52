package org.deepgrad.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash-safe file replacement: a reader of the target sees the old contents or the new, complete
 * contents, never a torn file, even if the process or the machine dies midway.
 *
 * <p>The recipe (as Git's lock files use it): write a temporary file in the target's
 * directory, flush it and {@code fsync} it ({@link FileChannel#force}), rename it over the target
 * with {@link StandardCopyOption#ATOMIC_MOVE}, then {@code fsync} the directory so the rename itself
 * is durable. On any failure the temporary file is deleted and the old target is left untouched.
 */
public final class AtomicFiles {
  private static final AtomicLong COUNTER = new AtomicLong();
  /** {@code .NAME.PID.N.tmp}: the temporary files of {@link #write}. */
  private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.(\\d{1,18})\\.\\d+\\.tmp");

  private AtomicFiles() {}

  /**
   * Writes {@code target} atomically with the bytes {@code writer} puts on the stream it is given
   * (buffered; the writer need not close it, and closing it only flushes).
   *
   * <p>Where the file system cannot rename atomically ({@link AtomicMoveNotSupportedException}), it
   * falls back to {@link StandardCopyOption#REPLACE_EXISTING}, which may briefly expose a missing or
   * partial target on such systems. The directory {@code fsync} is done where the platform allows
   * opening a directory (Linux, macOS); elsewhere (Windows) it is skipped. A symbolic link at
   * {@code target} is replaced by the new file, not followed.
   *
   * @throws IOException from {@code writer} (the same instance), or from the file system: an
   *     unwritable, missing or non-directory parent gives an {@link AccessDeniedException},
   *     {@link NoSuchFileException} or {@link NotDirectoryException} naming it
   */
  public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
    Path file = target.toAbsolutePath();
    Path dir = file.getParent();
    if (dir == null) {
      throw new IllegalArgumentException("cannot write " + target + ": it is a file system root; name a file");
    }
    Path tmp = createTemp(file, dir);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          BufferedOutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
        writer.accept(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len); // FilterOutputStream would write byte by byte
          }

          @Override
          public void close() throws IOException {
            out.flush(); // the channel must stay open for force() below
          }
        });
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (Throwable e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    syncDirectory(dir);
  }

  /** A new empty temporary file next to {@code file}, named after it so a leftover is recognisable. */
  /**
   * Deletes the temporary files that writers killed mid-write left in {@code dir}: those named as
   * {@link #write} names them whose process id belongs to no running process. Returns how many.
   */
  public static int removeStaleTemps(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return 0;
    int removed = 0;
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = TEMP_NAME.matcher(f.getFileName().toString());
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty() && Files.deleteIfExists(f)) removed++;
      }
    }
    return removed;
  }

  private static Path createTemp(Path file, Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      if (Files.exists(dir)) {
        throw new NotDirectoryException("cannot write " + file + ": " + dir + " is not a directory");
      }
      throw new NoSuchFileException(dir.toString(), null, "cannot write " + file
          + ": the directory does not exist; create it first or choose another path");
    }
    String prefix = "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".";
    while (true) {
      // Deterministic names; CREATE_NEW skips one left by a crashed process with the same pid.
      Path tmp = dir.resolve(prefix + COUNTER.incrementAndGet() + ".tmp");
      try {
        Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException taken) {
        continue;
      } catch (AccessDeniedException e) {
        AccessDeniedException clear = new AccessDeniedException(dir.toString(), null, "cannot write "
            + file + ": the directory is not writable; fix its permissions or choose another directory");
        clear.initCause(e);
        throw clear;
      }
    }
  }

  /** Makes the rename durable by fsyncing the directory; some platforms cannot open directories. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException unsupported) {
      // Windows cannot open a directory as a channel; the rename is still atomic, only its durability
      // across a power cut then rests on the file system's own journal.
    }
  }
}
