package org.deepgrad.spark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * MLlib's BLAS (netlib-java) in the JVM where deepgrad has loaded OpenBLAS: deepgrad-blas points netlib at
 * its own OpenBLAS, so netlib runs natively on it instead of loading the system's {@code libblas.so.3}
 * beside it (with Debian's OpenBLAS installed as that, the JVM crashed in MLlib's first {@code daxpy}).
 * A JVM of its own, because netlib chooses its library once per JVM.
 */
class NetlibBesideOpenBlasTest {
  @Test
  void mllibsBlasRunsOnDeepgradsOpenBlas() throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
        NetlibBesideOpenBlas.class.getName()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("deepgrad backend openblas"), out);
    assertTrue(out.contains("netlib JNIBLAS at ") && out.contains(File.separator + "libopenblas_nolapack.so.0"), out);
    assertTrue(out.contains("y[n-1] = 2.0"), out);
  }
}
