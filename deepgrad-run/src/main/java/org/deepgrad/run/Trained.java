package org.deepgrad.run;

import java.util.Map;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.TrainResult;

/**
 * What training a run gave, before {@link Training} writes its end files: how it ended, and what a
 * {@link Cluster}'s replicas send back besides.
 *
 * @param state the model's final parameters and buffers by name, to load into the driver's model; null
 *     when the model was trained in place (in this JVM)
 * @param diagnosisJson {@code diagnostics.json}'s text; null with diagnostics off
 * @param diagnosisBrief {@code train}'s short form of the diagnosis ({@link Training#brief}); null with
 *     diagnostics off
 * @param resumedFrom the step the run resumed from, or -1 when it started afresh (or resumed here, which
 *     says so itself)
 * @param info what {@code model.json}'s info records besides a local run's (a cluster's replicas, ...)
 */
public record Trained(TrainResult result, Map<String, Tensor> state, String diagnosisJson, String diagnosisBrief,
    long resumedFrom, Map<String, Object> info) {}
