package org.deepgrad.optim;

import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.Chain;

/** One parameter group inside an {@link Optimizer}: its parameters, chain, hyper-parameters and current lr. */
final class Group {
  final Map<String, Parameter> params;
  final Chain chain;
  final Hyper<?> hyper;
  double lr;

  Group(Map<String, Parameter> params, Chain chain, Hyper<?> hyper) {
    this.params = params;
    this.chain = chain;
    this.hyper = hyper;
    this.lr = hyper.lr();
  }
}
