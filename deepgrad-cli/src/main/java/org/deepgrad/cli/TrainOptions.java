package org.deepgrad.cli;

import java.util.ArrayList;
import java.util.List;
import org.deepgrad.diagnostics.Recorder;
import org.deepgrad.run.config.Defaults;
import org.deepgrad.run.config.Preset;
import org.deepgrad.run.config.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The flags of {@code deepgrad train}. Each sets one config key (named in its description) and
 * overrides the config file; a flag not given leaves the file's value, the {@link Preset}'s or the
 * {@link Defaults}. A model flag describes a model, so without {@code --preset main} it no longer
 * gets the main job's batch norm and dropout (see {@link Preset}).
 */
public final class TrainOptions {
  @Option(names = "--preset", paramLabel = "NAME", description = "preset: main, the main job's model (batch norm and "
      + "dropout 0.2 in every hidden layer), which the model flags then change. Without it a command that describes "
      + "no model (no model flag, no model section in CONFIG) gets the main job's model; one that does gets a plain "
      + "MLP: no batch norm, no dropout, torch's init.")
  String preset;

  @Option(names = "--dataset", paramLabel = "NAME", description = "data.dataset: mnist-10k (default), fashion-mnist, "
      + "mnist, spirals, linear (y = 2x + noise), teacher, csv:PATH or idx:DIR.")
  String dataset;
  @Option(names = "--data-dir", paramLabel = "DIR", description = "data.data_dir: read fashion-mnist or mnist from "
      + "DIR/NAME or DIR, and nowhere else (default: /usr/share/datasets/fashion-mnist, the cache for mnist).")
  String dataDir;
  @Option(names = "--download", negatable = true, description = "data.download: download mnist into the cache if missing.")
  Boolean download;
  @Option(names = "--validation", paramLabel = "FRACTION", description = "data.validation: hold out this fraction of "
      + "the training split for validation (default 0).")
  Double validation;
  @Option(names = "--standardize", negatable = true, description = "data.standardize: standardize features with the "
      + "training split's mean and std (default off).")
  Boolean standardize;

  @Option(names = "--hidden", paramLabel = "WIDTHS", description = "model.hidden: hidden widths, e.g. 128,64,32 (default), "
      + "256x10, 512,256x3, or none.")
  String hidden;
  @Option(names = "--activation", paramLabel = "NAME", description = "model.activation: sigmoid, tanh, relu (default), "
      + "leaky_relu, elu, gelu, softplus, softsign, hardtanh, identity.")
  String activation;
  @Option(names = "--init", paramLabel = "NAME", description = "model.init: default (torch's, which also draws the "
      + "biases; a named initializer zeroes them), standard, xavier_uniform, xavier_normal, kaiming_uniform, "
      + "kaiming_normal, orthogonal (torch's default arguments: gain 1, kaiming a=0 fan_in leaky_relu), he_normal, "
      + "glorot_normal, lecun_normal, ...; NAME:auto (xavier_*, kaiming_*, orthogonal) takes the gain of the "
      + "activation after each layer.")
  String init;
  @Option(names = "--batch-norm", negatable = true, description = "model.batch_norm: BatchNorm after each hidden "
      + "Dense layer (default off; on in the main job).")
  Boolean batchNorm;
  @Option(names = "--dropout", paramLabel = "P", description = "model.dropout: dropout probability after each hidden "
      + "activation, in [0, 1) (default 0; 0.2 in the main job).")
  Double dropout;
  @Option(names = "--residual", negatable = true, description = "model.residual: wrap each same-width hidden block "
      + "in a residual connection.")
  Boolean residual;

  @Option(names = "--optimizer", paramLabel = "NAME", description = "optimizer.name: sgd, momentum, nesterov, "
      + "adagrad, rmsprop, adadelta, adam (default), adamw, adamax, nadam, radam.")
  String optimizer;
  @Option(names = "--lr", paramLabel = "X", description = "optimizer.lr: learning rate (default torch's for the "
      + "optimizer, 1e-3 for adam; sgd needs one).")
  Double lr;
  @Option(names = "--momentum", paramLabel = "X", description = "optimizer.momentum (sgd, momentum, nesterov, rmsprop).")
  Double momentum;
  @Option(names = "--weight-decay", paramLabel = "X", description = "optimizer.weight_decay (torch's: L2 in the "
      + "gradient, decoupled for adamw).")
  Double weightDecay;
  @Option(names = "--schedule", paramLabel = "SPEC", description = "schedule.spec: cosine (default), constant, "
      + "exponential:0.95, step:10:0.5, warmup:500,cosine, ...")
  String schedule;
  @Option(names = "--schedule-unit", paramLabel = "UNIT", description = "schedule.unit: batch (default) or epoch.")
  String scheduleUnit;

  @Option(names = "--batch-size", paramLabel = "N|full", description = "training.batch_size: samples per batch "
      + "(default " + Defaults.BATCH_SIZE + "), or full for full-batch gradient descent; train --master splits this global "
      + "batch evenly over the replicas.")
  String batchSize;
  @Option(names = "--epochs", paramLabel = "N", description = "training.epochs (default " + Defaults.EPOCHS + ").")
  Long epochs;
  @Option(names = "--max-steps", paramLabel = "N", description = "training.max_steps: stop after N optimizer steps, skipped batches not counted (default "
      + "no limit).")
  Long maxSteps;
  @Option(names = "--seed", paramLabel = "N", description = "training.seed (default " + Defaults.SEED + ").")
  Long seed;
  @Option(names = "--threads", paramLabel = "N", description = "training.threads (default all processors).")
  Long threads;
  @Option(names = "--l2", paramLabel = "X", description = "training.l2: add X/2·Σw² to the loss.")
  Double l2;
  @Option(names = "--clip-norm", paramLabel = "X", description = "training.clip_norm: clip the global gradient norm.")
  Double clipNorm;
  @Option(names = "--clip-value", paramLabel = "X", description = "training.clip_value: clip each gradient to [-X, X].")
  Double clipValue;
  @Option(names = "--weight-clip", paramLabel = "C", description = "training.weight_clip: clamp every parameter "
      + "(weights, biases, norm scales) to [-C, C] after each step, as WGAN does.")
  Double weightClip;
  @Option(names = "--early-stopping", paramLabel = "PATIENCE", description = "training.early_stopping: stop after "
      + "PATIENCE epochs without a better validation loss (needs --validation).")
  Long earlyStopping;
  @Option(names = "--on-non-finite", paramLabel = "POLICY", description = "training.non_finite: stop (default), skip "
      + "(drop the batch) or backoff (drop it and halve the lr) when a loss or gradient is NaN or infinite.")
  String onNonFinite;

  @Option(names = {"--out", "--output"}, paramLabel = "DIR", description = "output.dir (default runs/YYYYMMDD-HHMMSS). "
      + "--output is the same, as for sweep and reproduce.")
  String out;
  @Option(names = "--resume", negatable = true, description = "output.resume: continue the run in --out from its "
      + "newest checkpoint, with the settings it started with (else --allow-changes); a finished run has nothing to resume.")
  Boolean resume;
  @Option(names = "--checkpoint-every", paramLabel = "N[steps|epochs]", description = "output.checkpoint_every "
      + "(default 1epoch).")
  String checkpointEvery;
  @Option(names = "--keep-checkpoints", paramLabel = "N", description = "output.keep_checkpoints (default "
      + Defaults.KEEP_CHECKPOINTS + ").")
  Long keepCheckpoints;
  @Option(names = "--progress", negatable = true, description = "output.progress: a progress bar on a terminal "
      + "(default on; --no-progress for plain log lines).")
  Boolean progress;
  @Option(names = "--log-every", paramLabel = "N", description = "output.log_every: steps between log lines (default "
      + Defaults.LOG_EVERY + ").")
  Long logEvery;
  @Option(names = "--diagnose", negatable = true, description = "output.diagnose: sample gradient-flow statistics "
      + "during the run (OUT/diagnostics.jsonl), list the findings at the end (OUT/diagnostics.json) and chart them "
      + "in OUT/report.html (default on; --no-diagnose for curves only).")
  Boolean diagnose;
  @Option(names = "--diagnose-every", paramLabel = "K", description = "output.diagnose_every: steps between two "
      + "diagnostic samples (default " + Recorder.DEFAULT_EVERY + ").")
  Long diagnoseEvery;

  /**
   * Every flag given, as the {@link TrainConfig.Setting} of its key, in the order of the table; the
   * flag is named as typed ({@code --no-batch-norm} for a negatable flag given as false).
   */
  List<TrainConfig.Setting> settings() {
    Object[][] table = {
      {"--preset", Preset.KEY, preset},
      {"--dataset", "data.dataset", dataset}, {"--data-dir", "data.data_dir", dataDir},
      {"--download", "data.download", download}, {"--validation", "data.validation", validation},
      {"--standardize", "data.standardize", standardize},
      {"--hidden", "model.hidden", hidden}, {"--activation", "model.activation", activation},
      {"--init", "model.init", init}, {"--batch-norm", "model.batch_norm", batchNorm},
      {"--dropout", "model.dropout", dropout}, {"--residual", "model.residual", residual},
      {"--optimizer", "optimizer.name", optimizer}, {"--lr", "optimizer.lr", lr},
      {"--momentum", "optimizer.momentum", momentum}, {"--weight-decay", "optimizer.weight_decay", weightDecay},
      {"--schedule", "schedule.spec", schedule}, {"--schedule-unit", "schedule.unit", scheduleUnit},
      {"--batch-size", "training.batch_size", batchSize}, {"--epochs", "training.epochs", epochs},
      {"--max-steps", "training.max_steps", maxSteps}, {"--seed", "training.seed", seed},
      {"--threads", "training.threads", threads}, {"--l2", "training.l2", l2},
      {"--clip-norm", "training.clip_norm", clipNorm}, {"--clip-value", "training.clip_value", clipValue},
      {"--weight-clip", "training.weight_clip", weightClip},
      {"--early-stopping", "training.early_stopping", earlyStopping},
      {"--on-non-finite", "training.non_finite", onNonFinite},
      {"--out", "output.dir", out}, {"--resume", "output.resume", resume},
      {"--checkpoint-every", "output.checkpoint_every", checkpointEvery},
      {"--keep-checkpoints", "output.keep_checkpoints", keepCheckpoints},
      {"--progress", "output.progress", progress}, {"--log-every", "output.log_every", logEvery},
      {"--diagnose", "output.diagnose", diagnose}, {"--diagnose-every", "output.diagnose_every", diagnoseEvery},
    };
    List<TrainConfig.Setting> settings = new ArrayList<>();
    for (Object[] row : table) {
      if (row[2] == null) continue;
      String flag = Boolean.FALSE.equals(row[2]) ? "--no-" + ((String) row[0]).substring(2) : (String) row[0];
      settings.add(new TrainConfig.Setting(flag, (String) row[1], row[2]));
    }
    return settings;
  }
}
