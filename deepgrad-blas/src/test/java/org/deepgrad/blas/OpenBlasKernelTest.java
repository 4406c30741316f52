package org.deepgrad.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The kernel table found in the loaded library is the one OPENBLAS_CORETYPE asks for (the CI runs several). */
class OpenBlasKernelTest {

  @Test
  void namesTheTableTheLibraryChose() {
    new OpenBlasBackend(); // loads the library
    String name = OpenBlasKernel.name();
    assertNotNull(name, "the table in use is none of those known");
    String asked = System.getenv("OPENBLAS_CORETYPE");
    if (asked != null && !asked.isBlank()) assertEquals(asked.trim().toUpperCase(Locale.ROOT), name);
    assertTrue(OpenBlasKernel.version().startsWith("OpenBLAS 0."), OpenBlasKernel.version());
    assertTrue(new OpenBlasBackend().describe().contains("kernel " + name), new OpenBlasBackend().describe());
  }
}
