package org.deepgrad.data;

import static org.deepgrad.data.IdxFormatException.at;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A checked IDX header: bytes 0-1 zero, byte 2 the type (0x08 only), byte 3 the rank r (1 to
 * {@value IdxReader#MAX_RANK}), then r big-endian int dimensions, each positive, whose product fits
 * in one Java array. Nothing here trusts a field before checking it.
 *
 * @param dims the dimensions
 * @param elements their product: the number of data bytes that must follow
 */
record IdxHeader(int[] dims, int elements) {
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8; // the largest array the JVM allocates
  private static final String DAMAGED = "The header is damaged; download the file again.";

  /** Size of the header in bytes, which is also the offset of the data. */
  int bytes() {
    return 4 + 4 * dims.length;
  }

  static IdxHeader read(InputStream in, String file, boolean gzip) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length == 0) {
      throw at(file, gzip, "byte offset 0", "an empty file", "an IDX header", "Check the path or download the file again.");
    }
    if (magic.length < 4) throw truncated(file, gzip, magic.length, "magic number, bytes 0-3", 4);
    if (magic[0] != 0 || magic[1] != 0) {
      String hint = "This is not an IDX file: check the path, or download the file again.";
      if (file.endsWith(".gz")) hint = "The name ends in .gz but the content is neither gzip (bytes 1f 8b) nor IDX. " + hint;
      throw at(file, gzip, "byte offset 0 (magic number)", String.format("0x%08x", ByteBuffer.wrap(magic).getInt()),
          "two zero bytes, the type 0x08 and the rank, e.g. 0x00000803 (images) or 0x00000801 (labels)", hint);
    }
    int type = magic[2] & 0xFF;
    if (type != IdxReader.UNSIGNED_BYTE) {
      throw at(file, gzip, "byte offset 2 (type byte)", String.format("0x%02x (%s)", type, typeName(type)),
          "0x08 (unsigned byte)", "deepgrad reads unsigned-byte IDX files only; convert the data to bytes 0-255.");
    }
    int rank = magic[3] & 0xFF;
    if (rank < 1 || rank > IdxReader.MAX_RANK) {
      throw at(file, gzip, "byte offset 3 (number of dimensions)", String.valueOf(rank), "1 to " + IdxReader.MAX_RANK, DAMAGED);
    }
    byte[] dimBytes = in.readNBytes(4 * rank);
    if (dimBytes.length < 4 * rank) {
      int i = dimBytes.length / 4;
      throw truncated(file, gzip, 4 + dimBytes.length, dimField(i, rank), 4 + 4 * rank);
    }
    ByteBuffer b = ByteBuffer.wrap(dimBytes);
    int[] dims = new int[rank];
    long elements = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = b.getInt();
      String where = "byte offset " + (4 + 4 * i) + " (" + dimField(i, rank) + ")";
      if (dims[i] <= 0) throw at(file, gzip, where, String.format("%d (0x%08x)", dims[i], dims[i]), "a positive size", DAMAGED);
      elements *= dims[i]; // both factors are below 2^31, so the long cannot overflow before the check
      if (elements > MAX_ELEMENTS) {
        throw at(file, gzip, where, "dims " + Arrays.toString(Arrays.copyOf(dims, i + 1)) + ", more than "
            + MAX_ELEMENTS + " elements", "a product that fits in one Java array",
            "The header is damaged, or the file is too large for deepgrad: split it.");
      }
    }
    return new IdxHeader(dims, (int) elements);
  }

  private static String dimField(int i, int rank) {
    return "dimension " + i + " of " + rank + ", bytes " + (4 + 4 * i) + "-" + (7 + 4 * i);
  }

  private static IdxFormatException truncated(String file, boolean gzip, int at, String field, int headerBytes) {
    return at(file, gzip, "byte offset " + at + " (" + field + ")", "the end of the file",
        "a header of " + headerBytes + " bytes", "The file is truncated; download the file again.");
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0x09 -> "signed byte";
      case 0x0B -> "16-bit integer";
      case 0x0C -> "32-bit integer";
      case 0x0D -> "32-bit float";
      case 0x0E -> "64-bit float";
      default -> "not an IDX type";
    };
  }
}
