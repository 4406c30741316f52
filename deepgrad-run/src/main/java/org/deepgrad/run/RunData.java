package org.deepgrad.run;

import java.util.List;
import org.deepgrad.data.Samples;
import org.deepgrad.data.Standardizer;
import org.deepgrad.io.Preprocessing;
import org.deepgrad.io.Task;
import org.deepgrad.train.Objective;

/**
 * The data of a run, ready for the model: training, validation (null without one) and test
 * splits, already preprocessed, and what a saved model must remember to see new data the same way.
 * ({@link DataLoading#unprocessed} gives the splits as read: no validation, no standardizer.)
 *
 * @param sourceScale the factor by which the reader already scaled the raw values (1/255 for IDX
 *     images, 1 otherwise): features here are {@code ((raw · sourceScale) − mean) / std}
 * @param standardizer the statistics of the training split applied to all splits, or null
 * @param classes the class names (classification), or an empty list (regression)
 * @param name the data set as configs name it, e.g. "mnist-10k" or "csv:data/iris.csv"
 * @param description a one-line summary for the log, e.g. "mnist-10k: 8000 train, 2000 test"
 */
public record RunData<S extends Samples<S>>(S train, S validation, S test, Objective<S> objective, Task task,
    int outputs, List<String> classes, double sourceScale, Standardizer standardizer, String name, String description) {

  /** Features per sample. */
  public int inputs() {
    return train.inputSize();
  }

  /** The transform from raw values to model inputs, for the model card. */
  Preprocessing preprocessing() {
    return new Preprocessing(sourceScale, standardizer == null ? null : standardizer.mean(),
        standardizer == null ? null : standardizer.std());
  }
}
