package org.deepgrad.run.report;

import org.deepgrad.diagnostics.LayerInfo;

/** How the charts name a layer: its depth from 1, module path and activation, e.g. {@code L1 (0, sigmoid)}. */
final class LayerLabels {
  private LayerLabels() {}

  static String of(LayerInfo l) {
    return "L" + (l.index() + 1) + " (" + l.name() + ", " + l.activation().configName() + ")";
  }

  /** The short form for axes: {@code L1}. */
  static String shortOf(LayerInfo l) {
    return "L" + (l.index() + 1);
  }
}
