package org.deepgrad.spark.ml;

import dev.ludovic.netlib.blas.BLAS;
import java.util.Arrays;
import org.deepgrad.backend.Backends;

/**
 * Run in a JVM of its own by {@link NetlibBesideOpenBlasTest}: deepgrad's backend first, then netlib-java's
 * BLAS, which MLlib calls (an L-BFGS step's {@code daxpy}), as in a Spark job that fits deepgrad and MLlib.
 * Prints the netlib implementation, the library it was pointed at, and a checked sum.
 */
public final class NetlibBesideOpenBlas {
  private NetlibBesideOpenBlas() {}

  public static void main(String[] args) {
    System.out.println("deepgrad backend " + Backends.current().name());
    BLAS blas = BLAS.getInstance();
    int n = 55_573; // the length of the daxpy that crashed in MnistComparison's MLlib fit
    double[] x = new double[n];
    double[] y = new double[n];
    Arrays.fill(x, 1);
    blas.daxpy(n, 2.0, x, 1, y, 1);
    System.out.println("netlib " + blas.getClass().getSimpleName() + " at "
        + System.getProperty("dev.ludovic.netlib.blas.nativeLibPath") + ": y[n-1] = " + y[n - 1]);
  }
}
