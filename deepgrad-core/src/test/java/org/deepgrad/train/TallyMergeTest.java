package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Synthetic;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Merging tallies (a data-parallel run's replicas) equals tallying all their rows in one. */
class TallyMergeTest {

  @Test
  void classificationSumsAdd() {
    Dataset d = Synthetic.teacher(40, 3, 4, 3, 1);
    Tensor logits = Tensor.randn(new Rng(2), 40, 3);
    Tally<Dataset> all = Objective.classification().tally();
    all.add(logits, d, 0.7);
    Tally<Dataset> a = part(d, logits, 0, 25, 0.6);
    Tally<Dataset> b = part(d, logits, 25, 40, 0.8);
    Tally<Dataset> merged = Objective.classification().tally();
    merged.merge(a.sums());
    merged.merge(b.sums());
    assertEquals(all.metrics().accuracy().getAsDouble(), merged.metrics().accuracy().getAsDouble(), 1e-15);
    assertEquals((0.6 * 25 + 0.8 * 15) / 40, merged.metrics().loss(), 1e-15);
  }

  @Test
  void regressionMomentsMergeAsChanEtAl() {
    Regression d = Synthetic.linear(30, new float[] {2, -1}, 0.5f, 0.3, 4);
    Tensor predictions = Tensor.randn(new Rng(5), 30, 1);
    Tally<Regression> all = Objective.regression().tally();
    for (int from = 0; from < 30; from += 10) all.add(rows(predictions, from, from + 10), d.slice(from, from + 10), 1);
    Tally<Regression> merged = Objective.regression().tally();
    for (int from = 0; from < 30; from += 10) {
      Tally<Regression> one = Objective.regression().tally();
      one.add(rows(predictions, from, from + 10), d.slice(from, from + 10), 1);
      merged.merge(one.sums());
    }
    assertEquals(all.metrics().r2().getAsDouble(), merged.metrics().r2().getAsDouble(), 1e-12);
    assertEquals(all.metrics().mse().getAsDouble(), merged.metrics().mse().getAsDouble(), 1e-12);
  }

  @Test
  void sumsOfAnotherKindAreRefused() {
    Tally<Dataset> t = Objective.classification().tally();
    assertThrows(IllegalArgumentException.class, () -> t.merge(new double[] {1, 2}));
  }

  private static Tally<Dataset> part(Dataset d, Tensor logits, int from, int to, double loss) {
    Tally<Dataset> t = Objective.classification().tally();
    t.add(rows(logits, from, to), d.slice(from, to), loss);
    return t;
  }

  private static Tensor rows(Tensor t, int from, int to) {
    int k = t.dim(1);
    float[] out = new float[(to - from) * k];
    System.arraycopy(t.data(), from * k, out, 0, out.length);
    return Tensor.of(out, to - from, k);
  }
}
