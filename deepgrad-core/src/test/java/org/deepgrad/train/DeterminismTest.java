package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Synthetic;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Same seed, same backend, same thread count: bit-identical training, dropout and shuffling included. */
class DeterminismTest {

  private static Map<String, Tensor> train(long seed) {
    Dataset data = Synthetic.teacher(256, 8, 16, 3, 11);
    Sequential model = Sequential.builder(8, new Rng(seed))
        .dense(32, Activation.relu()).batchNorm().dropout(0.3f)
        .dense(3)
        .build();
    Optimizer adam = Optimizers.adam(model.namedParameters(), Adam.defaults().lr(1e-2));
    DataLoader<Dataset> loader = DataLoader.miniBatch(data, 32, seed);
    for (int epoch = 0; epoch < 3; epoch++) {
      for (Dataset batch : loader.epoch()) {
        Tensor loss = Loss.crossEntropy(model.forward(batch.features()), batch.labels());
        adam.zeroGrad();
        Autograd.backward(loss);
        adam.step();
      }
    }
    return model.stateDict();
  }

  @Test
  void sameSeedGivesBitIdenticalWeights() {
    Map<String, Tensor> a = train(5);
    Map<String, Tensor> b = train(5);
    for (String name : a.keySet()) assertArrayEquals(a.get(name).data(), b.get(name).data(), name);
  }

  @Test
  void anotherSeedGivesOtherWeights() {
    assertFalse(Arrays.equals(train(5).get("0.weight").data(), train(6).get("0.weight").data()));
  }
}
