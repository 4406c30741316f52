package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepgrad.io.SavedModel;
import org.deepgrad.run.DataLoading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad evaluate --model DIR [--dataset NAME]}: the test metrics of a saved model on the
 * test split of its data set (or of another with the same inputs), drawn as training drew it (see
 * {@link EvaluationData}), with per-class accuracy and a confusion matrix for a classifier
 * ({@link EvaluateRun}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluate a trained model (the --out directory of 'deepgrad train') on a test split.")
final class EvaluateCommand implements Callable<Integer> {
  /** The file whose presence marks a directory as holding a saved model. */
  static final String MODEL_JSON = "model.json";

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory (a train --out).")
  Path model;

  @Option(names = "--dataset", paramLabel = "NAME", description = "The data set whose test split to evaluate on "
      + "(default: the model's own, split as training split it): mnist-10k, fashion-mnist, mnist, csv:PATH, idx:DIR, ...")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where fashion-mnist/mnist files are looked for first.")
  String dataDir;

  @Option(names = "--download", description = "Download mnist into the cache if missing.")
  boolean download;

  @Override
  public Integer call() throws IOException {
    SavedModel saved = SavedModels.load(model);
    EvaluationData choice = EvaluationData.choose(model, saved.card(), dataset, dataDir, download);
    return EvaluateRun.run(model, saved, DataLoading.unprocessed(choice.config(), choice.seed()),
        spec.commandLine().getOut());
  }
}
