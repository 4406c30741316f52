package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.SavedModel;
import org.deepgrad.io.Task;
import org.deepgrad.run.config.InputFiles;
import org.deepgrad.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad predict --model DIR --input FILE [--output FILE] [--probabilities]}: the saved
 * model's predictions for every sample of an IDX images file or a CSV file of raw feature values
 * ({@link PredictInput}), after the card's preprocessing, as CSV ({@link PredictionsCsv}) on stdout
 * or in a file written atomically, never over its input, the model or another run file
 * ({@link PredictionsFile}). A row whose outputs are not finite is refused rather than given class 0.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Predict with a trained model (the --out directory of 'deepgrad train').")
final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory (a train --out).")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Inputs: a CSV file of raw "
      + "feature values, one sample per row (an optional header row of names), or an IDX images file; gzip or not.")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "Where the predictions CSV goes (default: stdout).")
  Path output;

  @Option(names = "--probabilities", description = "Add each class's softmax probability (classification).")
  boolean probabilities;

  @Override
  public Integer call() throws IOException {
    SavedModel saved = SavedModels.load(model);
    InputFiles.requireFile("--input", input);
    if (output != null) PredictionsFile.check(output, input);
    ModelCard card = saved.card();
    if (probabilities && card.task() != Task.CLASSIFICATION) {
      throw new UsageException("--probabilities: --model " + model + " is a regression model, which predicts values, "
          + "not classes; leave the flag out.");
    }
    Tensor raw = PredictInput.read(input, card.spec().inputs());
    Tensor outputs = ModelOutputs.of(saved.model(), card.pre().apply(raw));
    int bad = ModelOutputs.firstNonFinite(outputs);
    if (bad >= 0) {
      throw new UsageException("--input " + input + ": row " + bad + " (from 0) gives outputs that are not finite, so "
          + "it has no prediction; its values are likely far outside those the model was trained on. Check that "
          + "row, or leave it out.");
    }
    var out = spec.commandLine().getOut();
    if (output == null) {
      PredictionsCsv.write(out, card, outputs, probabilities);
    } else {
      PredictionsFile.write(output, w -> PredictionsCsv.write(w, card, outputs, probabilities));
      out.println(raw.dim(0) + " predictions written to " + output);
    }
    out.flush();
    return Failures.OK;
  }
}
