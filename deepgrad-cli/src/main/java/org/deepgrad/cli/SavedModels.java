package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.SavedModel;
import org.deepgrad.tensor.Tensor;

/**
 * The model of a {@code --model DIR} for {@code evaluate} and {@code predict}: the directory checked,
 * the files read and verified ({@link ModelFiles#load}), and its weights checked to be finite. Training
 * never saves a model whose weights are NaN or infinite (a run that diverges saves none), so such
 * weights mean a damaged or edited file; a model with them would predict class 0 for every row.
 */
final class SavedModels {
  private SavedModels() {}

  /** The model in {@code dir}, checked as the class comment says. */
  static SavedModel load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--model " + dir + ": " + (Files.exists(dir) ? "is a file, not a directory"
          : "no such directory (" + dir.toAbsolutePath() + ")") + "; give the --out directory of a 'deepgrad train' run.");
    }
    if (!Files.isRegularFile(dir.resolve(ModelFiles.CARD))) {
      throw new UsageException("--model " + dir + ": no " + ModelFiles.CARD + " in it, so it holds no saved model; give "
          + "the --out directory of a finished 'deepgrad train' run.");
    }
    SavedModel saved = ModelFiles.load(dir);
    for (Map.Entry<String, Tensor> e : saved.model().stateDict().entrySet()) {
      float[] v = e.getValue().data();
      for (int i = 0; i < v.length; i++) {
        if (!Float.isFinite(v[i])) {
          throw new UsageException("--model " + dir + ": its weights are not all finite (" + e.getKey() + "[" + i
              + "] is " + v[i] + " in " + dir.resolve(ModelFiles.WEIGHTS) + "), so every prediction would be "
              + "meaningless. Training never saves such weights: the file was damaged or edited; train the model again.");
        }
      }
    }
    return saved;
  }
}
