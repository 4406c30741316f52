package org.deepgrad.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;

/**
 * model.json, the readable half of a saved model ({@link ModelFiles}), version 1:
 *
 * <pre>
 * {"format": "deepgrad-model", "version": 1, "task": "classification", "inputs": 784, "outputs": 10,
 *  "classes": ["0", ...], "preprocessing": {"scale": 0.00392156862745098, "mean": [0.1307], "std": [0.3081]},
 *  "layers": [...],  "info": {"dataset": "mnist-10k", "seed": 42, "test_accuracy": 0.966, ...},
 *  "weights_sha256": "..."}
 * </pre>
 *
 * The layers are as {@link LayerJson}. {@code info} values are strings, numbers or booleans (files
 * written before numbers were numbers hold strings only, and read as such). {@code classes}, {@code preprocessing} (and within it each of
 * scale, mean, std), {@code info} and {@code weights_sha256} (SHA-256 of model.safetensors, hex) may
 * be left out; every other key is required, and any key not listed is an error.
 */
final class ModelJson {
  static final String FORMAT = "deepgrad-model";
  static final int VERSION = 1;
  /** Room for a per-feature mean and std of some 100,000 inputs; far beyond any layer list. */
  static final int MAX_BYTES = 4 << 20;
  private static final String SHA = "weights_sha256";

  /** A read model.json: the card and the recorded SHA-256 of the weights, or null when absent. */
  record Parsed(ModelCard card, String weightsSha256) {}

  private ModelJson() {}

  /** The text of model.json for {@code card} and the weights' SHA-256 (64 hex digits). */
  static String write(ModelCard card, String weightsSha256) {
    Map<String, Object> pre = new LinkedHashMap<>();
    pre.put("scale", card.pre().scale());
    if (card.pre().mean() != null) pre.put("mean", floats(card.pre().mean()));
    if (card.pre().std() != null) pre.put("std", floats(card.pre().std()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("version", VERSION);
    m.put("task", card.task().configName());
    m.put("inputs", card.spec().inputs());
    m.put("outputs", card.spec().outputs());
    m.put("classes", card.classes());
    m.put("preprocessing", pre);
    m.put("layers", LayerJson.write(card.spec().layers()));
    m.put("info", card.info());
    m.put(SHA, weightsSha256);
    return JsonPrinter.print(m);
  }

  private static List<Float> floats(float[] values) {
    List<Float> out = new ArrayList<>(values.length);
    for (float v : values) out.add(v);
    return out;
  }

  /** Reads and checks {@code file} as untrusted input: size, UTF-8, JSON, then every key. */
  static Parsed read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ModelFileException(file, "not found; a saved model is a directory with model.json and"
          + " model.safetensors, as ModelFiles.save (deepgrad train) writes it", e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ModelFileException(file, "larger than the limit of " + MAX_BYTES + " bytes; it is not a model.json");
    }
    Object root;
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      root = JsonReader.parseDocument(text);
    } catch (CharacterCodingException e) {
      throw new ModelFileException(file, "not valid UTF-8; the file is corrupt or not a model.json", e);
    } catch (JsonReader.SyntaxException e) {
      throw new ModelFileException(file, "not valid JSON: " + e.getMessage() + "; fix the syntax or save the model again", e);
    }
    return read(JsonFields.root(file, root));
  }

  private static Parsed read(JsonFields f) throws ModelFileException {
    f.allow("format", "version", "task", "inputs", "outputs", "classes", "preprocessing", "layers", "info", SHA);
    String format = f.string("format");
    if (!format.equals(FORMAT)) {
      throw f.error("format", "expected \"" + FORMAT + "\", found " + JsonFields.found(format) + "; this is not a deepgrad model file");
    }
    long version = f.integer("version");
    if (version != VERSION) {
      throw f.error("version", version + " is not supported; this deepgrad reads version " + VERSION
          + (version > VERSION ? "; upgrade deepgrad to load this model" : ""));
    }
    String taskName = f.string("task");
    Task task = f.check("task", () -> Task.byName(taskName));
    int inputs = f.positiveInt("inputs", ModelSpec.MAX_WIDTH);
    List<LayerSpec> layers = LayerJson.read(f, "layers");
    ModelSpec spec = f.check("layers", () -> new ModelSpec(inputs, layers));
    int outputs = f.positiveInt("outputs", ModelSpec.MAX_WIDTH);
    if (outputs != spec.outputs()) {
      throw f.error("outputs", outputs + " does not match the layers, which end with " + spec.outputs() + " units");
    }
    List<String> classes = f.has("classes") ? f.strings("classes") : List.of();
    f.check("classes", () -> new ModelCard(spec, task, classes, null, null)); // the class checks alone
    Preprocessing pre = f.has("preprocessing") ? preprocessing(f.object("preprocessing")) : null;
    Map<String, Object> info = f.has("info") ? f.scalarMap("info") : Map.of();
    ModelCard card = f.check("preprocessing", () -> new ModelCard(spec, task, classes, pre, info));
    String sha = f.has(SHA) ? f.string(SHA) : null;
    if (sha != null && !sha.matches("[0-9a-f]{64}")) {
      throw f.error(SHA, "expected 64 lowercase hex digits, found " + JsonFields.found(sha));
    }
    return new Parsed(card, sha);
  }

  private static Preprocessing preprocessing(JsonFields p) throws ModelFileException {
    p.allow("scale", "mean", "std");
    double scale = p.has("scale") ? p.number("scale") : 1;
    float[] mean = p.has("mean") ? p.floats("mean") : null;
    float[] std = p.has("std") ? p.floats("std") : null;
    return p.check("", () -> new Preprocessing(scale, mean, std));
  }
}
