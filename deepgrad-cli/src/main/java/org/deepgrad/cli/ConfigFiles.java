package org.deepgrad.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads YAML configuration files into trees, with errors that name the file, line and column. */
public final class ConfigFiles {
  /** A bound on a config file's size: configs are a few kilobytes, so anything past this is not one. */
  static final long MAX_BYTES = 1 << 20;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private ConfigFiles() {}

  /**
   * The top-level mapping of the YAML file {@code file} (empty for an empty file).
   *
   * @throws UsageException when the file is missing, unreadable, too big, not YAML, or not a mapping
   */
  public static ObjectNode read(Path file) {
    try {
      if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
      if (Files.size(file) > MAX_BYTES) {
        throw new UsageException("config file " + file + " is " + Files.size(file) + " bytes, more than the "
            + MAX_BYTES + " a config may have; is it the right file?");
      }
      JsonNode tree;
      try (InputStream in = Files.newInputStream(file)) {
        tree = YAML.readTree(in);
      }
      if (tree == null || tree.isMissingNode() || tree.isNull()) return JsonNodeFactory.instance.objectNode();
      if (!tree.isObject()) {
        throw new UsageException("config file " + file + " must be a YAML mapping of sections (data, model, optimizer, "
            + "schedule, training, output), but its top level is " + kind(tree) + ".");
      }
      return (ObjectNode) tree;
    } catch (NoSuchFileException e) {
      throw new UsageException("config file not found: " + file.toAbsolutePath() + ". Give the path of a YAML file "
          + "(relative paths start at the current directory), e.g. examples/mnist.yaml.", e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new UsageException("config file " + file + " is not valid YAML" + where + ": "
          + e.getOriginalMessage().replace(" in 'reader'", "").replaceAll("\\s+", " ").trim() + ".", e);
    } catch (IOException e) {
      throw new UsageException("config file " + file + " cannot be read: " + e, e);
    }
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "a list" : "a single value (" + n + ")";
  }
}
