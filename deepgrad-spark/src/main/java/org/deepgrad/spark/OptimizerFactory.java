package org.deepgrad.spark;

import java.io.Serializable;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.Optimizer;

/**
 * The optimizer of a distributed run, built on every executor over its replica's parameters:
 * {@code params -> Optimizers.adam(params, Adam.defaults().lr(1e-3))}, or by name
 * {@code params -> OptimizerRegistry.create("adam", Map.of("lr", 1e-3), params)}.
 */
@FunctionalInterface
public interface OptimizerFactory extends Serializable {
  Optimizer create(Map<String, Parameter> params);
}
