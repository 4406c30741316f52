package org.deepgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuInfoTest {

  @Test
  void namesTheModelFamilyAndWidestVectors() {
    List<String> zen5 = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 26", "model\t\t: 2",
        "model name\t: AMD EPYC", "flags\t\t: fpu avx avx2 fma avx512f avx512bw", "", "processor\t: 1",
        "model name\t: something else");
    assertEquals("AMD EPYC (AuthenticAMD family 26 model 2, AVX-512), 2 processors", CpuInfo.describe(zen5, 2));
    List<String> haswell = List.of("vendor_id : GenuineIntel", "cpu family : 6", "model : 63",
        "model name : Intel(R) Xeon(R) CPU E5-2680 v3", "flags : sse avx avx2 fma");
    assertEquals("Intel(R) Xeon(R) CPU E5-2680 v3 (GenuineIntel family 6 model 63, AVX2), 1 processor",
        CpuInfo.describe(haswell, 1));
  }

  @Test
  void withoutCpuinfoNamesTheArchitecture() {
    assertEquals(System.getProperty("os.arch") + ", 4 processors", CpuInfo.describe(List.of(), 4));
    assertFalse(CpuInfo.describe().isBlank());
  }
}
