package org.deepgrad.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.io.SavedModel;
import org.deepgrad.io.Task;
import org.deepgrad.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad predict --model DIR --input FILE [--output FILE] [--probabilities]}: the saved
 * model's predictions for every sample of an IDX images file or a CSV file of raw feature values
 * ({@link PredictInput}), after the card's preprocessing, as CSV ({@link PredictionsCsv}) on stdout
 * or in a file written atomically.
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
    EvaluateCommand.checkModelDir(model);
    if (!Files.isRegularFile(input)) {
      throw new UsageException("--input " + input + ": no such file (" + input.toAbsolutePath() + ").");
    }
    if (output != null && output.toAbsolutePath().getParent() != null
        && !Files.isDirectory(output.toAbsolutePath().getParent())) {
      throw new UsageException("--output " + output + ": its directory " + output.toAbsolutePath().getParent()
          + " does not exist.");
    }
    SavedModel saved = ModelFiles.load(model);
    ModelCard card = saved.card();
    if (probabilities && card.task() != Task.CLASSIFICATION) {
      throw new UsageException("--probabilities: --model " + model + " is a regression model, which predicts values, "
          + "not classes; leave the flag out.");
    }
    Tensor raw = PredictInput.read(input, card.spec().inputs());
    Tensor outputs = ModelOutputs.of(saved.model(), card.pre().apply(raw));
    var out = spec.commandLine().getOut();
    if (output == null) {
      PredictionsCsv.write(out, card, outputs, probabilities);
    } else {
      AtomicFiles.write(output, s -> {
        Writer w = new OutputStreamWriter(s, StandardCharsets.UTF_8);
        PredictionsCsv.write(w, card, outputs, probabilities);
        w.flush();
      });
      out.println(raw.dim(0) + " predictions written to " + output);
    }
    out.flush();
    return Failures.OK;
  }
}
