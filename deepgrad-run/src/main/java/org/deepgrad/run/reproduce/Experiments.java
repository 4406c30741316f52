package org.deepgrad.run.reproduce;

import java.util.List;
import java.util.Optional;

/** The reproductions, in the order {@code reproduce --list} and {@code reproduce all} take them. */
final class Experiments {
  static final List<Experiment> ALL = List.of(new Glorot2010(), new He2015(), new Kingma2015(), new Ioffe2015(),
      new Articles());

  private Experiments() {}

  static Optional<Experiment> byName(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  static List<String> names() {
    return ALL.stream().map(Experiment::name).toList();
  }
}
