package org.deepgrad.nn;

/**
 * {@link Residual}'s buffered pass: {@code y = skip(x) + body(x)}, where skip is the identity or the
 * projection; backward sends {@code dy} down both branches and sums what reaches {@code x}.
 */
final class ResidualPass implements BufferedPass {
  private final BufferedPass body;
  private final BufferedPass projection; // null: identity skip
  private float[] y;
  private float[] bodyDy;
  private float[] dx;

  ResidualPass(BufferedPass body, BufferedPass projection) {
    this.body = body;
    this.projection = projection;
  }

  @Override
  public float[] forward(float[] x, int rows) {
    float[] fx = body.forward(x, rows);
    float[] skip = projection == null ? x : projection.forward(x, rows);
    if (skip.length != fx.length) {
      throw new IllegalArgumentException("Residual: the body maps " + x.length / rows + " features to "
          + fx.length / rows + "; use new Residual(body, in, out, rng) to add a projection when the width changes");
    }
    y = BufferedPass.sized(y, fx.length);
    for (int i = 0; i < y.length; i++) y[i] = skip[i] + fx[i];
    return y;
  }

  @Override
  public float[] backward(float[] dy, int rows, boolean inputGrad) {
    bodyDy = BufferedPass.sized(bodyDy, dy.length);
    System.arraycopy(dy, 0, bodyDy, 0, dy.length); // the body may overwrite its dy
    float[] fromBody = body.backward(bodyDy, rows, inputGrad);
    float[] fromSkip = projection == null ? (inputGrad ? dy : null) : projection.backward(dy, rows, inputGrad);
    if (!inputGrad) return null;
    dx = BufferedPass.sized(dx, fromBody.length);
    for (int i = 0; i < dx.length; i++) dx[i] = fromSkip[i] + fromBody[i];
    return dx;
  }
}
