package org.deepgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {

  @Test
  void restoringTheLayersGeneratorInPlaceRepeatsItsMasks() {
    Dropout d = new Dropout(0.5f, new Rng(3));
    Tensor x = Tensor.ones(64);
    long[] saved = d.rng().state();
    float[] first = d.forward(x).data();
    assertFalse(Arrays.equals(first, d.forward(x).data()), "the next mask differs");
    d.rng().restore(saved);
    assertArrayEquals(first, d.forward(x).data());
    assertNull(new Dropout(0f, null).rng(), "p = 0 needs no generator");
  }
}
