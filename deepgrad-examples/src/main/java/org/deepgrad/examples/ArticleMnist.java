package org.deepgrad.examples;

import org.deepgrad.autograd.Autograd;
import org.deepgrad.data.DataLoader;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Mnist;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Adam;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.Optimizers;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Evaluation;

/**
 * The tutorial article's MNIST model exactly as the article writes it: BatchNorm then Dropout 0.5
 * before every Dense layer (the raw pixels included), hidden layers 128-64-32 with ReLU, Adam 1e-3,
 * batch 64, 16 epochs, cross-entropy.
 */
final class ArticleMnist {
  private ArticleMnist() {}

  static void main() {
    Dataset.Split data = Mnist.trainTest();
    Sequential model = Sequential.builder(784, new Rng(42))
        .batchNorm().dropout(0.5f).dense(128, Activation.relu())
        .batchNorm().dropout(0.5f).dense(64, Activation.relu())
        .batchNorm().dropout(0.5f).dense(32, Activation.relu())
        .batchNorm().dropout(0.5f).dense(10)
        .build();
    Optimizer adam = Optimizers.adam(model.namedParameters(), Adam.defaults().lr(1e-3));
    DataLoader<Dataset> loader = DataLoader.miniBatch(data.train(), 64, 42);

    for (int epoch = 1; epoch <= 16; epoch++) {
      for (Dataset batch : loader.epoch()) {
        Tensor loss = Loss.crossEntropy(model.forward(batch.features()), batch.labels());
        adam.zeroGrad();
        Autograd.backward(loss);
        adam.step();
      }
      System.out.printf("epoch %2d  test accuracy %.2f%%%n", epoch, 100 * Evaluation.accuracy(model, data.test()));
    }
    System.out.printf("test accuracy: %.2f%%%n", 100 * Evaluation.accuracy(model, data.test()));
  }
}
