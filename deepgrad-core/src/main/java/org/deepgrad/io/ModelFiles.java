package org.deepgrad.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Sequential;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/**
 * A saved model: a directory with {@code model.safetensors} (the state dict: parameters and buffers,
 * loadable from Python; the card's info as its metadata) and {@code model.json} (the {@link ModelCard};
 * format in {@link ModelJson}), as Hugging Face's {@code save_pretrained} pairs weights and config.
 *
 * <p>Each file is replaced atomically ({@link AtomicFiles}), weights first; model.json records the
 * weights' SHA-256, so a reader notices weights that do not belong to it (a save cut off between the
 * two files, or a file copied from elsewhere). Loading treats both files as untrusted: every key and
 * value of model.json is checked, the weights are checked to fit the layers exactly before they are
 * used, and every problem is a {@link ModelFileException} naming the file, the place and the fix.
 */
public final class ModelFiles {
  /** The weights file in a model directory. */
  public static final String WEIGHTS = "model.safetensors";
  /** The card file in a model directory. */
  public static final String CARD = "model.json";
  /** A spec may describe this many values beyond those in the weights file before it is built (64 MB). */
  private static final long BUILD_SLACK = 1 << 24;

  private ModelFiles() {}

  /**
   * Saves {@code model} and {@code card} into {@code dir} (created if needed), replacing any model there.
   *
   * @throws IllegalArgumentException if the model's state dict is not the one {@code card.spec()} builds,
   *     or model.json would exceed its size limit
   */
  public static void save(Path dir, Module model, ModelCard card) throws IOException {
    try {
      card.spec().build(new Rng(0)).loadStateDict(model.stateDict()); // the same names and shapes
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the model does not fit its card's spec (" + card.spec() + "): " + e.getMessage(), e);
    }
    int size = ModelJson.write(card, "0".repeat(64)).getBytes(StandardCharsets.UTF_8).length;
    if (size > ModelJson.MAX_BYTES) {
      throw new IllegalArgumentException("model.json would be " + size + " bytes, above the limit of " + ModelJson.MAX_BYTES
          + "; per-feature preprocessing of this many inputs is too large, use one mean and std for all");
    }
    Files.createDirectories(dir);
    Path weights = dir.resolve(WEIGHTS);
    Map<String, String> metadata = new LinkedHashMap<>();
    card.info().forEach((k, v) -> metadata.put(k, v.toString())); // safetensors metadata holds strings
    Safetensors.write(weights, model.stateDict(), metadata);
    byte[] json = ModelJson.write(card, Checksums.hex(Checksums.sha256(weights))).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(CARD), out -> out.write(json));
  }

  /**
   * Loads the model saved in {@code dir}: checks model.json, rebuilds its layers, checks the weights
   * fit them exactly (names and shapes) and match the recorded SHA-256, and loads them. The model is in
   * evaluation mode; its dropout layers, if trained further, draw from a generator seeded with 0.
   *
   * @throws ModelFileException naming the file and the place of the first problem found
   */
  public static SavedModel load(Path dir) throws IOException {
    ModelJson.Parsed parsed = ModelJson.read(dir.resolve(CARD));
    ModelSpec spec = parsed.card().spec();
    Path weights = dir.resolve(WEIGHTS);
    if (!Files.isRegularFile(weights)) {
      throw new ModelFileException(weights, "not found; model.json needs its weights next to it, as ModelFiles.save writes them");
    }
    Safetensors.Contents contents = Safetensors.read(weights);
    long values = contents.tensors().values().stream().mapToLong(Tensor::size).sum();
    if (spec.stateSize() > Math.max(values, BUILD_SLACK)) { // do not allocate a model the file cannot fill
      throw new ModelFileException(weights, "holds " + values + " values, but the layers in model.json ("
          + spec + ") need " + spec.stateSize() + "; these weights belong to another model");
    }
    Sequential model = spec.build(new Rng(0));
    try {
      model.loadStateDict(contents.tensors());
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(weights, "the weights do not fit the layers in model.json (" + spec + "): "
          + e.getMessage(), e);
    }
    String recorded = parsed.weightsSha256();
    if (recorded != null && !recorded.equals(Checksums.hex(Checksums.sha256(weights)))) {
      throw new ModelFileException(weights, "its SHA-256 differs from the " + recorded + " that model.json records:"
          + " the weights were changed or come from another save; save the model again or restore the matching pair");
    }
    model.eval();
    return new SavedModel(model, parsed.card());
  }
}
