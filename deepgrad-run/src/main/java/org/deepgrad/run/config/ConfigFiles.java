package org.deepgrad.run.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
   * @throws RunException when the file is missing, not a file, unreadable, too big, not UTF-8 text,
   *     not YAML, uses aliases, or is not a mapping
   */
  public static ObjectNode read(Path file) {
    try {
      if (Files.notExists(file)) throw new NoSuchFileException(file.toString());
      InputFiles.requireFile("config file", file);
      if (Files.size(file) > MAX_BYTES) {
        throw new RunException("config file " + file + " is " + Files.size(file) + " bytes, more than the "
            + MAX_BYTES + " a config may have; is it the right file?");
      }
      return parse(text(file, Files.readAllBytes(file)), file.toString());
    } catch (NoSuchFileException e) {
      throw new RunException("config file not found: " + file.toAbsolutePath() + ". Give the path of a YAML file "
          + "(relative paths start at the current directory), e.g. examples/mnist.yaml.", e);
    } catch (IOException e) {
      throw new RunException("config file " + file + " cannot be read: " + e, e);
    }
  }

  /**
   * The top-level mapping of the YAML text {@code text}, such as a run's {@code config.yaml} sent to
   * a cluster's executors; {@code name} names it in errors, as the file name does for {@link #read}.
   *
   * @throws RunException when the text is not YAML, uses aliases, or is not a mapping
   */
  public static ObjectNode parse(String text, String name) {
    try {
      refuseAliases(name, text);
      JsonNode tree = YAML.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) return JsonNodeFactory.instance.objectNode();
      if (!tree.isObject()) {
        throw new RunException("config file " + name + " must be a YAML mapping of sections (data, model, optimizer, "
            + "schedule, training, output), but its top level is " + kind(tree) + ".");
      }
      return (ObjectNode) tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new RunException("config file " + name + " is not valid YAML" + where + ": "
          + e.getOriginalMessage().replace(" in 'reader'", "").replaceAll("\\s+", " ").trim() + ".", e);
    } catch (IOException e) {
      throw new RunException("config file " + name + " cannot be read: " + e, e);
    }
  }

  /** The file's text; bytes that are not UTF-8 text (a binary file) are bad input. */
  private static String text(Path file, byte[] bytes) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = utf8.decode(in, out, true);
    int nul = indexOf(bytes, (byte) 0);
    if (r.isError() || nul >= 0) {
      long at = r.isError() ? in.position() : nul;
      throw new RunException("config file " + file + " is not a text file (" + (r.isError() ? "bytes that are not "
          + "UTF-8" : "a NUL byte") + " at byte " + at + "); a config is a YAML text file: is it the right file?");
    }
    return out.flip().toString();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) if (bytes[i] == b) return i;
    return -1;
  }

  /**
   * Refuses YAML aliases ({@code *name}): the parser reads one as the anchor's name, not its value,
   * so {@code dir: *data} would silently name a directory "data". Values are written out instead.
   */
  private static void refuseAliases(String file, String text) throws IOException {
    try (JsonParser p = YAML.getFactory().createParser(text)) {
      while (p.nextToken() != null) {
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
          JsonLocation at = p.currentTokenLocation();
          throw new RunException("config file " + file + ", line " + at.getLineNr() + ", column " + at.getColumnNr()
              + ": the YAML alias *" + p.getText() + " is not supported in deepgrad configs (it would not be replaced "
              + "by the anchored value); write the value out in full.");
        }
      }
    }
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "a list" : "a single value (" + n + ")";
  }
}
