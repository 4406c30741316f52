package org.deepgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad predict --model DIR --input FILE [--output FILE]}: the saved model's predictions
 * for every row of a CSV file of features (or every image of an IDX file), one line each.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Predict with a trained model (the --out directory of 'deepgrad train').")
final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory (a train --out).")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "Inputs: a CSV file of features, "
      + "one sample per row, or an IDX images file.")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "Where the predictions go (default: stdout).")
  Path output;

  @Override
  public Integer call() {
    EvaluateCommand.checkModelDir(model);
    if (!Files.isRegularFile(input)) {
      throw new UsageException("--input " + input + ": no such file (" + input.toAbsolutePath() + ").");
    }
    if (output != null && output.toAbsolutePath().getParent() != null
        && !Files.isDirectory(output.toAbsolutePath().getParent())) {
      throw new UsageException("--output " + output + ": its directory " + output.toAbsolutePath().getParent()
          + " does not exist.");
    }
    var out = spec.commandLine().getOut();
    // Phase 1 of issue 4: loading the model and predicting is wired in after merging.
    out.println("# prediction is not wired in yet; the resolved options:");
    out.println("model: " + model);
    out.println("input: " + input);
    out.println("output: " + (output == null ? "stdout" : output));
    out.flush();
    return Failures.OK;
  }
}
