package org.deepgrad.data;

import static org.deepgrad.data.IdxFormatException.at;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, the format of MNIST and Fashion-MNIST, raw or gzipped.
 *
 * <p>Layout (big-endian): bytes 0-1 are zero, byte 2 is the element type ({@code 0x08}, unsigned
 * byte, the only type read here), byte 3 the rank r (1 to 4); then r dimensions of 4 bytes each;
 * then exactly the product of the dimensions in data bytes. So MNIST images start with the magic
 * number {@code 0x00000803} (2051) and labels with {@code 0x00000801} (2049). Reference:
 * LeCun et al., "THE MNIST DATABASE of handwritten digits", section "file formats".
 *
 * <p>Gzip is recognised by its first two bytes {@code 1f 8b}, not by the file name. Files are
 * untrusted input: every header field is checked before it is used, and the data buffer grows with
 * the bytes actually read, so a header claiming 2^31 elements in a 100-byte file fails at once
 * instead of allocating gigabytes. Every problem is an {@link IdxFormatException} naming the file,
 * the byte offset or field, what was found, what was expected and how to fix it.
 *
 * <p>A file read by path whose header is plausible (a raw file as long as its dims say; a gzip file
 * with at most 1032 data bytes per compressed byte) is checked against the free heap first: loading
 * holds the n data bytes and the 4-byte float or label each becomes ({@link Mnist}), 5n bytes; a file
 * needing more is refused before any data is read, naming the bytes needed and free ({@link HeapBudget}).
 */
public final class IdxReader {
  /** The IDX type byte for unsigned bytes. */
  public static final int UNSIGNED_BYTE = 0x08;
  /** The largest rank accepted. */
  public static final int MAX_RANK = 4;
  private static final int CHUNK = 1 << 16;

  private IdxReader() {}

  /** Reads the IDX file at {@code path}, gzipped or raw, if the heap can hold it (see above). */
  public static IdxData read(Path path) throws IOException {
    return read(path, HeapBudget::free);
  }

  /** As {@link #read(Path)}, asking {@code free} how many bytes of heap are free for a load of the given size. */
  static IdxData read(Path path, LongUnaryOperator free) throws IOException {
    long size = Files.size(path);
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString(), size, free);
    }
  }

  /**
   * Reads one IDX file, gzipped or raw, from {@code in} to its end; the caller closes {@code in}.
   *
   * @param name names the source (a path, a resource) in error messages
   */
  public static IdxData read(InputStream in, String name) throws IOException {
    return read(in, name, -1, null);
  }

  /** Reads from {@code in}; with {@code free} non-null, checks the heap for a source of {@code size} bytes. */
  private static IdxData read(InputStream in, String name, long size, LongUnaryOperator free) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in);
    if (!Gzip.starts(buffered)) return parse(buffered, name, false, size, free);
    try {
      return parse(new GZIPInputStream(buffered, CHUNK), name, true, size, free);
    } catch (ZipException | EOFException e) { // thrown by the decompressor; our own errors pass through
      throw new IdxFormatException(name + ": the gzip stream is corrupt or truncated (" + e.getMessage()
          + "); expected a complete gzip file. Download the file again.", e);
    }
  }

  private static IdxData parse(InputStream in, String name, boolean gzip, long size, LongUnaryOperator free)
      throws IOException {
    IdxHeader header = IdxHeader.read(in, name, gzip);
    int n = header.elements();
    String dims = Arrays.toString(header.dims());
    // An implausible size is a damaged or truncated file: the read below says so, with the offset.
    boolean plausible = gzip ? n <= HeapBudget.MAX_GZIP_RATIO * size : header.bytes() + (long) n <= size;
    if (free != null && plausible) {
      long needed = 5L * n;
      long available = free.applyAsLong(needed);
      if (needed > available) {
        throw new IdxFormatException(HeapBudget.tooLarge(name, "dims " + dims + ": " + n
            + " data bytes and a 4-byte float or label for each", needed, available));
      }
    }
    byte[] data = readUpTo(in, n);
    if (data.length < n) {
      throw at(name, gzip, "byte offset " + (header.bytes() + data.length) + " (end of data)",
          "only " + data.length + " data bytes", n + " data bytes from offset " + header.bytes() + " for dims " + dims,
          "The file is truncated (or its header is wrong); download the file again.");
    }
    long extra = in.transferTo(OutputStream.nullOutputStream());
    if (extra > 0) {
      throw at(name, gzip, "byte offset " + ((long) header.bytes() + n) + " (end of data)",
          extra + " extra bytes after the data", "the file to end there, as dims " + dims + " say",
          "The header's dims do not match the data, or something was appended; download the file again.");
    }
    return new IdxData(name, header.dims(), data);
  }

  /** Reads up to {@code n} bytes, growing the buffer only as bytes arrive (never trusting n alone). */
  private static byte[] readUpTo(InputStream in, int n) throws IOException {
    byte[] buf = new byte[Math.min(n, CHUNK)];
    int filled = 0;
    while (filled < n) {
      if (filled == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
      int r = in.read(buf, filled, buf.length - filled);
      if (r < 0) return Arrays.copyOf(buf, filled);
      filled += r;
    }
    return buf;
  }
}
