package org.deepgrad.run.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The records of a JSON-lines file a run appends to (metrics.jsonl, diagnostics.jsonl). */
public final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** The lines of {@code file} that parse as JSON objects, in order; a line a crash cut short is skipped. */
  public static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      try {
        JsonNode n = JSON.readTree(line);
        if (n != null && n.isObject()) out.add(n);
      } catch (IOException torn) {
        // a line cut short by a crash: the records before it still count
      }
    }
    return out;
  }
}
