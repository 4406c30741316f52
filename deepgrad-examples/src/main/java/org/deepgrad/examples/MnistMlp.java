package org.deepgrad.examples;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.backend.Backends;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Mnist;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.optim.SGD;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Evaluation;

/**
 * A 784-128-10 ReLU network trained with plain mini-batch SGD on the built-in digits (first 8,000
 * train, last 2,000 test): the explicit loop, zeroGrad / forward / loss / backward / step.
 */
final class MnistMlp {
  private MnistMlp() {}

  static void main() {
    Dataset.Split data = Mnist.trainTest();
    Sequential model = Sequential.builder(784, new Rng(42))
        .dense(128, Activation.relu())
        .dense(10)
        .build();
    Optimizer sgd = Optimizers.sgd(model.namedParameters(), SGD.of(0.1));
    DataLoader<Dataset> loader = DataLoader.miniBatch(data.train(), 64, 42);

    System.out.println("backend " + Backends.current().name() + ", model " + model);
    long start = System.nanoTime();
    for (int epoch = 1; epoch <= 5; epoch++) {
      for (Dataset batch : loader.epoch()) {
        Tensor loss = Loss.crossEntropy(model.forward(batch.features()), batch.labels());
        sgd.zeroGrad();
        Autograd.backward(loss);
        sgd.step();
      }
      Evaluation.Score test = Evaluation.score(model, data.test());
      System.out.printf("epoch %d  test loss %.4f  test accuracy %.2f%%%n", epoch, test.loss(), 100 * test.accuracy());
    }
    System.out.printf("test accuracy: %.2f%% (%.1f s)%n",
        100 * Evaluation.accuracy(model, data.test()), (System.nanoTime() - start) / 1e9);
  }
}
