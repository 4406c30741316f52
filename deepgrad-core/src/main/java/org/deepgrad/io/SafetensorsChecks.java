package org.deepgrad.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a safetensors header must satisfy, checked on parsed JSON before anything is allocated
 * from its numbers: entry fields, dtype, shape against byte range, and byte ranges that tile the data
 * buffer exactly (as the reference reader's {@code validate}). Every failure names the file and the
 * tensor or field.
 */
final class SafetensorsChecks {
  private static final Set<String> FIELDS = Set.of("dtype", "shape", "data_offsets");
  /** Shape's own limit on the number of elements in one tensor. */
  private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private SafetensorsChecks() {}

  /** The {@code "__metadata__"} value as a string map. */
  static Map<String, String> metadata(Path file, Object value) throws ModelFileException {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ModelFileException(file, "__metadata__ is a JSON " + kind(value) + ", but it must be an"
          + " object of string values");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getValue() instanceof String s)) {
        throw new ModelFileException(file, "__metadata__ key '" + e.getKey() + "' holds a JSON "
            + kind(e.getValue()) + ", but metadata values must be strings");
      }
      out.put((String) e.getKey(), s);
    }
    return out;
  }

  /** One tensor entry, checked against a data buffer of {@code bufferSize} bytes. */
  static SafetensorsHeader.Entry entry(Path file, String name, Object value, long bufferSize)
      throws ModelFileException {
    String where = "tensor '" + name + "'";
    if (!(value instanceof Map<?, ?> m)) {
      throw new ModelFileException(file, where + " is a JSON " + kind(value)
          + ", but it must be an object with dtype, shape and data_offsets");
    }
    for (Object key : m.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new ModelFileException(file, where + " has an unknown field '" + key
            + "'; an entry holds exactly dtype, shape and data_offsets");
      }
    }
    if (!(field(file, where, m, "dtype") instanceof String dtype)) {
      throw new ModelFileException(file, where + ": dtype must be a JSON string");
    }
    if (!dtype.equals("F32")) {
      throw new ModelFileException(file, where + " has dtype " + dtype + ", which deepgrad cannot read"
          + " (it reads F32 only); convert the tensors to float32 before saving, e.g. tensor.float()"
          + " in PyTorch");
    }
    List<?> shape = list(file, where, m, "shape");
    int[] dims = new int[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      if (!(shape.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
        throw new ModelFileException(file, where + ": shape[" + i + "] is " + shape.get(i)
            + "; dimensions must be integers in [0, " + Integer.MAX_VALUE + "]");
      }
      dims[i] = (int) (long) d;
    }
    List<?> offsets = list(file, where, m, "data_offsets");
    if (offsets.size() != 2 || !(offsets.get(0) instanceof Long begin) || !(offsets.get(1) instanceof Long end)
        || begin < 0 || end < begin) {
      throw new ModelFileException(file, where + ": data_offsets is " + offsets
          + "; it must be [begin, end] with 0 <= begin <= end");
    }
    if (end > bufferSize) {
      throw new ModelFileException(file, where + ": data_offsets " + offsets + " reach beyond the data"
          + " buffer of " + bufferSize + " bytes; the file is truncated or its header is wrong");
    }
    long count = elements(dims);
    if (count < 0 || count * Float.BYTES != end - begin) {
      throw new ModelFileException(file, where + ": shape " + Arrays.toString(dims) + " needs "
          + (count < 0 ? "more than 2^61 F32 values" : count * Float.BYTES + " bytes (" + count + " F32 values)")
          + " but data_offsets " + offsets + " span " + (end - begin) + " bytes");
    }
    if (count > MAX_ELEMENTS) {
      throw new ModelFileException(file, where + " has " + count + " elements, more than the "
          + MAX_ELEMENTS + " one deepgrad tensor can hold; split it before saving");
    }
    return new SafetensorsHeader.Entry(name, dims, begin, end);
  }

  /** Checks that the byte ranges, sorted by offset, cover {@code [0, bufferSize)} without overlap or hole. */
  static void checkTiling(Path file, List<SafetensorsHeader.Entry> entries, long bufferSize)
      throws ModelFileException {
    List<SafetensorsHeader.Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(SafetensorsHeader.Entry::begin)
        .thenComparingLong(SafetensorsHeader.Entry::end));
    long covered = 0;
    SafetensorsHeader.Entry previous = null;
    for (SafetensorsHeader.Entry e : sorted) {
      if (e.begin() < covered) {
        throw new ModelFileException(file, "tensor '" + e.name() + "' (data_offsets [" + e.begin() + ", "
            + e.end() + "]) overlaps tensor '" + previous.name() + "' ([" + previous.begin() + ", "
            + previous.end() + "]); every byte of the data buffer belongs to exactly one tensor");
      }
      if (e.begin() > covered) {
        throw new ModelFileException(file, "the data buffer has a hole: bytes [" + covered + ", "
            + e.begin() + ") before tensor '" + e.name() + "' belong to no tensor; tensors must be"
            + " packed without gaps");
      }
      covered = e.end();
      previous = e;
    }
    if (covered != bufferSize) {
      throw new ModelFileException(file, "the data buffer has " + (bufferSize - covered) + " trailing"
          + " bytes after the last tensor (which ends at offset " + covered + " of " + bufferSize
          + "); the file has trailing garbage or a wrong header");
    }
  }

  /** The element count, or -1 when it is beyond any byte range (more than Long.MAX_VALUE / 4). */
  private static long elements(int[] dims) {
    for (int d : dims) if (d == 0) return 0;
    long n = 1;
    for (int d : dims) {
      if (n > Long.MAX_VALUE / Float.BYTES / d) return -1;
      n *= d;
    }
    return n;
  }

  private static Object field(Path file, String where, Map<?, ?> m, String key) throws ModelFileException {
    Object v = m.get(key);
    if (v == null) throw new ModelFileException(file, where + " has no '" + key + "' field");
    return v;
  }

  private static List<?> list(Path file, String where, Map<?, ?> m, String key) throws ModelFileException {
    if (!(field(file, where, m, key) instanceof List<?> list)) {
      throw new ModelFileException(file, where + ": " + key + " must be a JSON array, not a "
          + kind(m.get(key)));
    }
    return list;
  }

  /** The JSON kind of a parsed value, for messages. */
  static String kind(Object v) {
    return v instanceof Map ? "object" : v instanceof List ? "array" : v instanceof String ? "string" : "integer";
  }
}
