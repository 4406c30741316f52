package org.deepgrad.data;

import static org.deepgrad.data.DataFormatException.at;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The lines of a UTF-8 text file, gzipped or not (by its first bytes {@code 1f 8b}), each bounded in
 * length. Lines end at {@code \n} (a {@code \r} before it is dropped); a leading byte-order mark is
 * skipped. Lines are split as bytes before decoding, which is safe in UTF-8 (byte 0x0A never occurs
 * inside a multi-byte character) and lets an invalid byte be reported on its own line.
 */
final class CsvLines implements Closeable {
  private final InputStream in;
  private final String file;
  private final int maxBytes;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buf = new byte[1 << 16];
  private byte[] line = new byte[256];
  private int pos;
  private int limit;
  private long number;

  CsvLines(InputStream raw, String file, int maxBytes) throws IOException {
    BufferedInputStream b = new BufferedInputStream(raw);
    this.file = file;
    try {
      this.in = Gzip.starts(b) ? new GZIPInputStream(b, 1 << 16) : b; // reads the gzip header: it can be corrupt too
    } catch (ZipException | EOFException e) {
      throw corruptGzip(1, e);
    }
    this.maxBytes = maxBytes;
  }

  /** The number of the line last returned, from 1. */
  long number() {
    return number;
  }

  /** The next line with content (blank lines skipped), or null at the end of the file. */
  String nextNonBlank() throws IOException {
    String s;
    do {
      skipBlankLines();
      s = next();
    } while (s != null && s.isBlank());
    return s;
  }

  /**
   * Skips the lines of ASCII white space ahead as bytes, without decoding each into a string: a
   * file of a billion blank lines (a 1 MB gzip) then takes seconds, not minutes. A blank line cut
   * by the end of the buffer, or holding other white space, is left to {@link #next}.
   */
  private void skipBlankLines() throws IOException {
    while (true) {
      if (pos == limit) {
        limit = Math.max(read(), 0);
        pos = 0;
        if (limit == 0) return;
      }
      int p = pos;
      while (p < limit && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r' || buf[p] == '\f' || buf[p] == 0x0B)) p++;
      if (p == limit || buf[p] != '\n') return;
      pos = p + 1;
      number++;
    }
  }

  /** The next line without its terminator, or null at the end of the file. */
  String next() throws IOException {
    int len = 0;
    boolean ended = false;
    while (!ended) {
      if (pos == limit) {
        limit = Math.max(read(), 0);
        pos = 0;
        if (limit == 0) {
          if (len == 0) return null;
          break;
        }
      }
      int start = pos;
      while (pos < limit && buf[pos] != '\n') pos++;
      int chunk = pos - start;
      if (len + chunk > maxBytes) {
        throw at(file, number + 1, 0, "", "a line longer than " + maxBytes + " bytes", "one row of values per line",
            "The file is not line-oriented CSV, or its rows are huge: raise CsvReader.maxLineBytes if they really are");
      }
      if (len + chunk > line.length) line = Arrays.copyOf(line, Math.max(len + chunk, 2 * line.length));
      System.arraycopy(buf, start, line, len, chunk);
      len += chunk;
      if (pos < limit) {
        pos++; // the '\n'
        ended = true;
      }
    }
    number++;
    if (len > 0 && line[len - 1] == '\r') len--;
    int from = number == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return utf8.decode(ByteBuffer.wrap(line, from, len - from)).toString();
    } catch (CharacterCodingException e) {
      throw at(file, number, 0, "", "bytes that are not UTF-8", "UTF-8 text", "Save the file as UTF-8");
    }
  }

  private int read() throws IOException {
    try {
      return in.read(buf);
    } catch (ZipException | EOFException e) { // from the decompressor
      throw corruptGzip(number + 1, e);
    }
  }

  private DataFormatException corruptGzip(long line, IOException e) {
    return at(file, line, 0, "", "a corrupt or truncated gzip stream (" + e.getMessage() + ")",
        "a complete gzip file", "Compress the file again, or give the plain CSV");
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
