package org.deepgrad.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.BatchNorm1d;
import org.deepgrad.nn.LayerNorm;
import org.deepgrad.nn.Linear;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.tensor.Tensor;

/**
 * One layer being watched: its parameters, and while armed an output watch ({@link Module#watchOutput})
 * on the module whose output is the layer's activation (the group's last activation, else its last
 * module) that copies that output and the gradient back-propagated to it, whether the trainer's step
 * runs on the tape or on the buffered passes.
 */
final class Tap {
  final LayerInfo info;
  final Map<String, Parameter> params = new LinkedHashMap<>();
  private final Module probe;
  private Module.HookHandle handle;
  Tensor activation;
  Tensor gradient;

  private Tap(LayerInfo info, List<Module> group, List<String> paths) {
    this.info = info;
    for (int i = 0; i < group.size(); i++) {
      String prefix = paths.get(i).isEmpty() ? "" : paths.get(i) + ".";
      group.get(i).namedParameters().forEach((k, p) -> params.put(prefix + k, p));
    }
    Module last = group.get(group.size() - 1);
    for (Module m : group) if (m instanceof Activation) last = m;
    this.probe = last;
  }

  void arm() {
    activation = null;
    gradient = null;
    handle = probe.watchOutput(new Module.OutputWatch() {
      @Override
      public void output(float[] values, int rows) {
        activation = copy(values, rows);
      }

      @Override
      public void gradient(float[] values, int rows) {
        gradient = copy(values, rows);
      }
    });
  }

  /** The watched buffers are reused by the buffered path: keep a copy, as a [rows, columns] matrix. */
  private static Tensor copy(float[] values, int rows) {
    return rows == 0 ? Tensor.of(new float[0], 0, 0) : Tensor.of(values.clone(), rows, values.length / rows);
  }

  void disarm() {
    if (handle != null) handle.remove();
    handle = null;
  }

  /** The layers of {@code root} in the order the input meets them (see {@link Recorder}). */
  static List<Tap> discover(Module root) {
    List<Tap> taps = new ArrayList<>();
    scan(root, "", taps);
    return taps;
  }

  private static void scan(Module module, String path, List<Tap> taps) {
    List<Module> group = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Map.Entry<String, Module> e : module.children().entrySet()) {
      Module child = e.getValue();
      String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      boolean follows = child instanceof Activation || child instanceof BatchNorm1d || child instanceof LayerNorm;
      if (follows && !group.isEmpty()) {
        group.add(child);
        paths.add(childPath);
        continue;
      }
      close(group, paths, taps);
      if (child instanceof Linear) {
        group.add(child);
        paths.add(childPath);
      } else {
        scan(child, childPath, taps);
      }
    }
    close(group, paths, taps);
  }

  private static void close(List<Module> group, List<String> paths, List<Tap> taps) {
    if (group.isEmpty()) return;
    Linear linear = (Linear) group.get(0);
    Activation.Kind kind = Activation.Kind.IDENTITY;
    boolean normalized = false;
    for (Module m : group) {
      if (m instanceof Activation a) kind = a.kind();
      normalized |= m instanceof BatchNorm1d || m instanceof LayerNorm;
    }
    float[] w = linear.weight().value().data();
    LayerInfo info = new LayerInfo(paths.get(0), taps.size(), kind, normalized, linear.inFeatures(),
        linear.outFeatures(), Summary.of(w).std());
    taps.add(new Tap(info, List.copyOf(group), List.copyOf(paths)));
    group.clear();
    paths.clear();
  }
}
