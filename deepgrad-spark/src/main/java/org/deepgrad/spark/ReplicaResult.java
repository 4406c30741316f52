package org.deepgrad.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What replica 0 sends the driver when a distributed run ends (the replicas agree on every count and
 * weight): how the run ended, where it resumed from, the model's final parameters and buffers, and the
 * diagnosis; the driver writes the end files from it ({@link RunEnd}, or deepgrad-run's {@code Training}).
 *
 * @param resumedFrom the step the run resumed from on its last attempt, or -1 (started afresh)
 * @param state the model's state dict (parameters and buffers) by name, as flat arrays
 * @param diagnosisJson {@code diagnostics.json}'s text, null with diagnostics off
 * @param diagnosisBrief the diagnosis in {@code train}'s short form, null with diagnostics off
 * @param findings the findings, one line each ({@code KIND [layers]: explanation})
 */
record ReplicaResult(ResultWire result, long resumedFrom, Map<String, float[]> state, String diagnosisJson,
    String diagnosisBrief, List<String> findings) implements Serializable {}
