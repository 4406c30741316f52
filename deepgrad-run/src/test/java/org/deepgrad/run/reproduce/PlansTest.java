package org.deepgrad.run.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deepgrad.run.RunSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every experiment's runs, quick and full, are valid configs that build the model they describe, untrained. */
class PlansTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void everyPlanBuildsAValidModel(boolean quick) throws Exception {
    Path examples = ExamplesDir.find();
    assertNotNull(examples, "the repository's examples/ directory");
    Mode mode = new Mode(quick, examples);
    Runner runner = new Runner(dir, null, 0, new PrintWriter(new StringWriter()));
    for (Experiment e : Experiments.ALL) {
      List<RunPlan> plans = e.plans(mode);
      Set<String> names = new HashSet<>();
      for (RunPlan p : plans) {
        assertTrue(names.add(p.name()), e.name() + ": duplicate run " + p.name());
        RunSetup<?> s = runner.setup(p);
        assertTrue(s.model().parameterCount() > 0, p.name());
        assertNull(s.config().preset(), p.name() + " describes its model, so no preset fills in batch norm or dropout");
        assertTrue(Files.isRegularFile(dir.resolve("configs").resolve(p.name() + ".yaml")), p.name());
      }
    }
  }

  @Test
  void theModelsAreThoseThePapersDescribe() throws Exception {
    Mode full = new Mode(false, ExamplesDir.find());
    Runner runner = new Runner(dir, null, 0, new PrintWriter(new StringWriter()));
    String glorot = runner.setup(new Glorot2010().plans(full).get(0)).spec().describe();
    assertTrue(glorot.startsWith("784-1000-1000-1000-1000-1000-10 sigmoid, standard init"), glorot);
    String xavier = runner.setup(new He2015().plans(full).get(0)).spec().describe();
    assertTrue(xavier.endsWith(" relu, glorot_normal init (gain 1)"), xavier); // Xavier's 1/n, not the ReLU's gain
    String he = runner.setup(new He2015().plans(full).get(1)).spec().describe();
    assertEquals(He2015.DEPTH + 2, he.split(" ")[0].split("-").length, he);
    assertTrue(he.endsWith(" relu, he_normal init (gain 1.414)"), he);
    String kingma = runner.setup(new Kingma2015().plans(full).get(4)).spec().describe();
    assertTrue(kingma.startsWith("784-1000-1000-10 relu") && kingma.contains("dropout 0.5"), kingma);
    String ioffe = runner.setup(new Ioffe2015().plans(full).get(1)).spec().describe();
    assertTrue(ioffe.startsWith("784-100-100-100-10 sigmoid") && ioffe.contains("batch norm"), ioffe);
  }
}
