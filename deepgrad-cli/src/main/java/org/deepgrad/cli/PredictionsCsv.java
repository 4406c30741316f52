package org.deepgrad.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.deepgrad.io.ModelCard;
import org.deepgrad.io.Task;
import org.deepgrad.ops.Reductions;
import org.deepgrad.ops.Softmax;
import org.deepgrad.tensor.Tensor;

/**
 * Writes a model's outputs as CSV, one line per input sample, {@code row} its 0-based index:
 * <pre>
 * classification   row,prediction[,p_CLASS...]   the arg max class by name, and with probabilities
 *                                                 the softmax of the logits, one column per class
 * regression       row,target_0,target_1,...     the predicted values
 * </pre>
 * Numbers are written in Java's shortest form that reads back as the same float ({@code 0.25},
 * {@code 1.0E-5}); fields holding a comma, quote or line break are quoted as RFC 4180 says.
 */
final class PredictionsCsv {
  private PredictionsCsv() {}

  /** Writes the CSV of {@code outputs} ([n, outputs]) of the model with {@code card} to {@code w}. */
  static void write(Writer w, ModelCard card, Tensor outputs, boolean probabilities) throws IOException {
    int n = outputs.dim(0);
    int k = outputs.dim(1);
    StringBuilder line = new StringBuilder("row");
    if (card.task() == Task.REGRESSION) {
      for (int j = 0; j < k; j++) line.append(",target_").append(j);
      w.write(line.append('\n').toString());
      float[] y = outputs.data();
      for (int i = 0; i < n; i++) {
        line.setLength(0);
        line.append(i);
        for (int j = 0; j < k; j++) line.append(',').append(y[i * k + j]);
        w.write(line.append('\n').toString());
      }
      return;
    }
    List<String> names = EvaluateRun.classNames(card);
    line.append(",prediction");
    if (probabilities) for (String c : names) line.append(',').append(quote("p_" + c));
    w.write(line.append('\n').toString());
    int[] predicted = Reductions.argmax(outputs, 1);
    float[] p = probabilities ? Softmax.softmax(outputs, 1).data() : null;
    for (int i = 0; i < n; i++) {
      line.setLength(0);
      line.append(i).append(',').append(quote(names.get(predicted[i])));
      if (p != null) for (int j = 0; j < k; j++) line.append(',').append(p[i * k + j]);
      w.write(line.append('\n').toString());
    }
  }

  /** {@code s} as one CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break. */
  static String quote(String s) {
    boolean plain = s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
  }
}
