package org.deepgrad.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.Preprocessing;
import org.deepgrad.io.SavedModel;
import org.deepgrad.ops.Reductions;
import org.deepgrad.run.ClassReport;
import org.deepgrad.run.RunData;
import org.deepgrad.run.Training;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.Objective;

/**
 * One {@code deepgrad evaluate} run: the saved model on the test split of a data set, read as the
 * reader gives it and transformed by the model card's preprocessing (the training statistics), so
 * evaluating the model a run saved reproduces the run's test line exactly. Prints that line
 * ({@link Training#summary}) and, for a classifier, the {@link ClassReport}.
 */
final class EvaluateRun {
  private EvaluateRun() {}

  /** Evaluates {@code saved} (from {@code dir}) on the test split of {@code data}; returns the exit code. */
  static int run(Path dir, SavedModel saved, RunData<?> data, PrintWriter out) {
    ModelCard card = saved.card();
    int inputs = card.spec().inputs();
    if (data.task() != card.task()) {
      throw new UsageException("--model " + dir + " is a " + card.task().configName() + " model, but data set "
          + data.name() + " is a " + data.task().configName() + " data set; evaluate it on data of its own kind.");
    }
    if (data.inputs() != inputs) {
      throw new UsageException("--model " + dir + " takes " + inputs + " inputs, but data set " + data.name() + " has "
          + data.inputs() + " features per sample; evaluate it on data with the features it was trained on.");
    }
    // The card's scale applies to raw values; the reader has already multiplied them by sourceScale.
    Preprocessing pre = card.pre();
    Preprocessing rest = new Preprocessing(pre.scale() / data.sourceScale(), pre.mean(), pre.std());
    String header = "model: " + dir + ", " + card.spec().describe() + (card.info().containsKey("dataset")
        ? ", trained on " + card.infoText("dataset") : "") + "\ndata: " + data.description();
    if (data.test() instanceof Dataset test) {
      Dataset x = relabel(dir, card, data, test.withFeatures(rest.apply(test.features())));
      Metrics m = Objective.classification().evaluate(saved.model(), x);
      int[] predicted = Reductions.argmax(ModelOutputs.of(saved.model(), x.features()), 1);
      out.println(header);
      out.println(Training.summary(m) + " (" + x.size() + " test samples)");
      out.print(ClassReport.format(classNames(card), x.labels(), predicted));
    } else {
      Regression test = (Regression) data.test();
      if (test.targetSize() != card.spec().outputs()) {
        throw new UsageException("--model " + dir + " predicts " + card.spec().outputs() + " targets, but data set "
            + data.name() + " has " + test.targetSize() + " per sample; evaluate it on data with the targets it was "
            + "trained on.");
      }
      Metrics m = Objective.regression().evaluate(saved.model(), test.withFeatures(rest.apply(test.features())));
      out.println(header);
      out.println(Training.summary(m) + " (" + test.size() + " test samples)");
    }
    out.flush();
    return Failures.OK;
  }

  /**
   * The data's labels as the model's class indices: by class name when the card names its classes
   * (a CSV file's labels are numbered in sorted order, which another file may not share), else as they
   * are. A card whose classes are its output indices "0", "1", ... (as deepgrad wrote Fashion-MNIST's
   * before naming them) takes labels as they are too when the data's classes have other names.
   */
  private static Dataset relabel(Path dir, ModelCard card, RunData<?> data, Dataset test) {
    int outputs = card.spec().outputs();
    List<String> dataClasses = data.classes();
    boolean indexNames = card.classes().equals(indices(outputs));
    if (card.classes().isEmpty() || indexNames && !card.classes().containsAll(dataClasses)) {
      if (dataClasses.size() > outputs) {
        throw new UsageException("data set " + data.name() + " has " + dataClasses.size() + " classes, but --model "
            + dir + " has " + outputs + " outputs; evaluate it on data with the classes it was trained on.");
      }
      return new Dataset(test.features(), test.labels(), outputs);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < outputs; k++) index.put(card.classes().get(k), k);
    int[] map = new int[dataClasses.size()];
    for (int k = 0; k < map.length; k++) {
      Integer i = index.get(dataClasses.get(k));
      if (i == null) {
        throw new UsageException("data set " + data.name() + " has class \"" + dataClasses.get(k) + "\", which --model "
            + dir + " does not know; its classes are " + card.classes() + ". Evaluate it on data with those classes.");
      }
      map[k] = i;
    }
    int[] labels = test.labels().clone();
    for (int i = 0; i < labels.length; i++) labels[i] = map[labels[i]];
    return new Dataset(test.features(), labels, outputs);
  }

  /** The card's class names, or the output indices when it names none. */
  static List<String> classNames(ModelCard card) {
    return card.classes().isEmpty() ? indices(card.spec().outputs()) : card.classes();
  }

  /** "0", "1", ..., "n-1". */
  private static List<String> indices(int n) {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < n; k++) names.add(String.valueOf(k));
    return names;
  }
}
