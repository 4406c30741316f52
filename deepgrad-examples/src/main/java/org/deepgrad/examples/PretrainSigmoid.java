package org.deepgrad.examples;

import org.deepgrad.autograd.Autograd;
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
import org.deepgrad.train.LayerwisePretraining;

/**
 * Greedy layer-wise pre-training of a 5-hidden-layer sigmoid MLP (denoising auto-encoders, one layer
 * at a time), then supervised fine-tuning, against the same network fine-tuned from its random
 * initialization: deep sigmoid stacks with the standard init learn slowly from scratch, which is
 * the problem pre-training was invented for (Hinton et al. 2006, Bengio et al. 2007).
 */
final class PretrainSigmoid {
  private static final int EPOCHS = 3;

  private PretrainSigmoid() {}

  static void main() {
    Dataset.Split data = Mnist.trainTest();
    Sequential scratch = network();
    double fromScratch = fineTune(scratch, data);

    Sequential pretrained = network();
    for (LayerwisePretraining.LayerReport r : LayerwisePretraining.pretrain(
        pretrained, data.train().features(), LayerwisePretraining.Settings.defaults())) {
      System.out.printf("pre-trained hidden layer %d (%d -> %d): reconstruction loss %.4f -> %.4f%n",
          r.layer() + 1, r.in(), r.out(), r.firstEpochLoss(), r.lastEpochLoss());
    }
    double withPretraining = fineTune(pretrained, data);

    System.out.printf("test accuracy after %d epochs of fine-tuning: from scratch %.2f%%, pre-trained %.2f%%%n",
        EPOCHS, 100 * fromScratch, 100 * withPretraining);
  }

  private static Sequential network() {
    Sequential.Builder b = Sequential.builder(784, new Rng(7));
    for (int i = 0; i < 5; i++) b.dense(128, Activation.sigmoid());
    return b.dense(10).build();
  }

  private static double fineTune(Sequential model, Dataset.Split data) {
    Optimizer sgd = Optimizers.sgd(model.namedParameters(), SGD.of(0.1).momentum(0.9));
    DataLoader<Dataset> loader = DataLoader.miniBatch(data.train(), 64, 1);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (Dataset batch : loader.epoch()) {
        Tensor loss = Loss.crossEntropy(model.forward(batch.features()), batch.labels());
        sgd.zeroGrad();
        Autograd.backward(loss);
        sgd.step();
      }
    }
    return Evaluation.accuracy(model, data.test());
  }
}
