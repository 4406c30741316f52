package org.deepgrad.examples;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one of the Java API examples by name:
 * {@code java -jar deepgrad-examples/target/deepgrad-examples.jar NAME}.
 */
public final class Examples {
  private static final Map<String, Runnable> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("mnist-mlp", MnistMlp::main);
    EXAMPLES.put("article-mnist", ArticleMnist::main);
    EXAMPLES.put("pretrain", PretrainSigmoid::main);
    EXAMPLES.put("run-and-sweep", RunAndSweep::main);
  }

  private Examples() {}

  public static void main(String[] args) {
    String name = args.length == 0 ? "mnist-mlp" : args[0];
    Runnable example = EXAMPLES.get(name);
    if (example == null) {
      System.err.println("unknown example '" + name + "'; choose one of " + EXAMPLES.keySet());
      System.exit(2);
    }
    example.run();
  }
}
