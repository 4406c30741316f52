package org.deepgrad.spark;

/**
 * One replica's part of an exchange, as {@link Collective} text: {@code kind;step;loss;payload}. The
 * kind and step let every replica check that all took part in the same exchange (a replica out of
 * step is a bug, reported, never averaged in); the loss is a decimal double (exact round trip); the
 * payload is {@link Floats} Base64.
 */
record ReplicaMessage(String kind, long step, double loss, String payload) {

  String text() {
    return kind + ";" + step + ";" + loss + ";" + payload;
  }

  static ReplicaMessage parse(String text) {
    String[] f = text.split(";", 4);
    return new ReplicaMessage(f[0], Long.parseLong(f[1]), Double.parseDouble(f[2]), f[3]);
  }

  /** Every replica's message of this exchange; fails when one was sent for another exchange. */
  static ReplicaMessage[] exchange(Collective c, ReplicaMessage mine) {
    String[] all = c.allGather(mine.text());
    ReplicaMessage[] out = new ReplicaMessage[all.length];
    for (int r = 0; r < all.length; r++) {
      out[r] = parse(all[r]);
      if (!out[r].kind.equals(mine.kind) || out[r].step != mine.step) {
        throw new IllegalStateException("replica " + r + " sent '" + out[r].kind + "' at step " + out[r].step
            + " while this one sent '" + mine.kind + "' at step " + mine.step + ": the replicas are out of step");
      }
    }
    return out;
  }

  /** The mean of the replicas' losses, NaN when one is not finite. */
  static double meanLoss(ReplicaMessage[] all) {
    double sum = 0;
    for (ReplicaMessage m : all) {
      if (!Double.isFinite(m.loss)) return Double.NaN;
      sum += m.loss;
    }
    return sum / all.length;
  }
}
