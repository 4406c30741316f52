package org.deepgrad.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.train.CheckpointException.Kind;

/** Typed reads of a checkpoint's metadata strings; a missing or malformed entry names the file and key. */
final class CheckpointMetadata {
  private final Path file;
  private final Map<String, String> entries;

  CheckpointMetadata(Path file, Map<String, String> entries) {
    this.file = file;
    this.entries = entries;
  }

  String get(String key) throws CheckpointException {
    String v = entries.get(key);
    if (v == null) throw unreadable("the metadata entry '" + key + "' is missing");
    return v;
  }

  long longValue(String key) throws CheckpointException {
    return longs(key, 1)[0];
  }

  int intValue(String key) throws CheckpointException {
    long v = longValue(key);
    if (v != (int) v) throw unreadable("metadata " + key + " = " + v + " is out of int range");
    return (int) v;
  }

  boolean bool(String key) throws CheckpointException {
    String v = get(key);
    if (!v.equals("true") && !v.equals("false")) throw unreadable("metadata " + key + " = '" + v + "' is not true or false");
    return v.equals("true");
  }

  /** A comma-separated list of {@code count} longs ({@code count} < 0: any number). */
  long[] longs(String key, int count) throws CheckpointException {
    String[] parts = split(key, count);
    long[] out = new long[parts.length];
    try {
      for (int i = 0; i < out.length; i++) out[i] = Long.parseLong(parts[i]);
    } catch (NumberFormatException e) {
      throw unreadable("metadata " + key + " = '" + get(key) + "' is not a list of integers");
    }
    return out;
  }

  /** A comma-separated list of {@code count} doubles ({@code count} < 0: any number). */
  double[] doubles(String key, int count) throws CheckpointException {
    String[] parts = split(key, count);
    double[] out = new double[parts.length];
    try {
      for (int i = 0; i < out.length; i++) out[i] = Double.parseDouble(parts[i]);
    } catch (NumberFormatException e) {
      throw unreadable("metadata " + key + " = '" + get(key) + "' is not a list of numbers");
    }
    return out;
  }

  private String[] split(String key, int count) throws CheckpointException {
    String v = get(key);
    String[] parts = v.isEmpty() ? new String[0] : v.split(",", -1);
    if (count >= 0 && parts.length != count) {
      throw unreadable("metadata " + key + " = '" + v + "' has " + parts.length + " values, expected " + count);
    }
    return parts;
  }

  /** The entries whose key starts with {@code prefix}, by the rest of the key, in file order. */
  Map<String, String> withPrefix(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    entries.forEach((k, v) -> {
      if (k.startsWith(prefix)) out.put(k.substring(prefix.length()), v);
    });
    return out;
  }

  CheckpointException unreadable(String problem) {
    return new CheckpointException(file, Kind.UNREADABLE, problem + "; the file was not written by this trainer"
        + " or is damaged. Resume from another checkpoint");
  }
}
