package org.deepgrad.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deepgrad train [CONFIG] [flags]}: resolves the configuration ({@link TrainConfig}: defaults,
 * then the preset, then the YAML file, then the flags) and trains. With no arguments it is the main
 * job described in {@link Defaults}; the model rule is {@link Preset}'s.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, abbreviateSynopsis = true,
    description = {"Train a model. Settings come from the defaults, then the preset, then CONFIG, then the flags.",
        "With no model flag and no model section in CONFIG the model is the main job's (preset main: 128-64-32 with "
            + "batch norm and dropout 0.2); a model flag or section describes exactly the MLP it names, without batch "
            + "norm or dropout unless asked; --preset main starts from the main job's model instead."})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "A YAML config file.")
  Path config;

  @Mixin
  TrainOptions options = new TrainOptions();

  @Option(names = "--dry-run", description = "Check the configuration and print it resolved, without training.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    TrainConfig resolved = TrainConfig.load(config, options, Clock.systemDefaultZone());
    var out = spec.commandLine().getOut();
    if (!dryRun) return TrainRun.run(resolved, out, spec.commandLine().getErr());
    out.print(ConfigPrinter.yaml(resolved));
    out.flush();
    return Failures.OK;
  }
}
