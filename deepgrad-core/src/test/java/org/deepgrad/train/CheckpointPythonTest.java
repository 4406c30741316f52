package org.deepgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.deepgrad.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum recipe documented in {@link CheckpointDigest}, followed by a plain Python 3 script
 * (standard library only, parsing the safetensors layout by hand), gives the recorded digest.
 * Skipped where {@code python3} is not installed.
 */
class CheckpointPythonTest {
  @TempDir Path dir;

  private static final String SCRIPT = String.join("\n",
      "import hashlib, json, struct, sys",
      "b = open(sys.argv[1], 'rb').read()",
      "n = struct.unpack('<Q', b[:8])[0]",
      "header = json.loads(b[8:8 + n]); meta = header.pop('__metadata__'); data = b[8 + n:]",
      "h = hashlib.sha256()",
      "for k in sorted(meta):",
      "    if k != 'sha256': h.update(k.encode() + b'\\0' + meta[k].encode() + b'\\0')",
      "for name in sorted(header):",
      "    t = header[name]; s, e = t['data_offsets']",
      "    h.update(name.encode() + b'\\0' + ','.join(map(str, t['shape'])).encode() + b'\\0' + data[s:e])",
      "print(h.hexdigest() == meta['sha256'], meta['format'], meta['step'], len(header))");

  @Test
  void pythonRecomputesTheChecksum() throws Exception {
    assumeTrue(hasPython(), "python3 is not installed");
    Sequential model = Fixtures.net(1);
    Fixtures.classifier(model, Fixtures.adam(model), 1, TrainerSettings.defaults().withMaxSteps(2)
        .withCheckpoints(dir, 0, 0, 1)).fit();
    Path file = dir.resolve(CheckpointStore.fileName(2));
    Process p = new ProcessBuilder("python3", "-c", SCRIPT, file.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), out);
    int tensors = model.stateDict().size() + 2 * model.namedParameters().size(); // + Adam's exp_avg, exp_avg_sq
    assertEquals("True deepgrad-checkpoint 2 " + tensors, out);
  }

  private static boolean hasPython() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "pass").start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
