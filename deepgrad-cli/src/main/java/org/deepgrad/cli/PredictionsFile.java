package org.deepgrad.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.io.FolderLock;
import org.deepgrad.run.files.Locks;
import org.deepgrad.run.files.Outputs;
import org.deepgrad.run.files.RunContents;

/**
 * {@code predict --output FILE}: checked before anything is computed, then written atomically. The
 * file may not be the input, a directory, a device or a pipe, nor any file of a run's folder that the
 * run wrote ({@link RunContents#runFile}: the weights, model.json, a checkpoint...); in a run's folder
 * it is written holding the folder's lock, so not while a run is writing there.
 */
final class PredictionsFile {
  private PredictionsFile() {}

  /** A writer of the predictions' text. */
  interface Text {
    void write(Writer w) throws IOException;
  }

  /** Fails when {@code output} may not receive the predictions of {@code input}. */
  static void check(Path output, Path input) throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(output)) {
      throw new UsageException("--output " + output + " is a directory; give the name of a file to write.");
    }
    if (Files.exists(output) && !Files.isRegularFile(output)) {
      throw new UsageException("--output " + output + " is not a regular file (a device or a pipe); give the name of "
          + "a file, or leave --output out to write the predictions to standard output.");
    }
    if (!Files.isDirectory(parent)) {
      throw new UsageException("--output " + output + ": its directory " + parent + " does not exist.");
    }
    if (Files.exists(output) && Files.isSameFile(output, input)) {
      throw new UsageException("--output " + output + " is the --input file: the predictions would replace the inputs. "
          + "Choose another file.");
    }
    String runFile = RunContents.runFile(output);
    if (runFile != null) {
      throw new UsageException("--output " + output + " is " + runFile + "; a run's files are written only by the run, "
          + "so predict does not replace them. Choose another file name.");
    }
  }

  /** Writes {@code text} to {@code output} atomically; a failure (a full disk) is bad input naming the file. */
  static void write(Path output, Text text) throws IOException {
    Path dir = output.toAbsolutePath().getParent();
    FolderLock lock = RunContents.holdsRun(dir) ? Locks.hold(dir, "deepgrad predict") : null;
    try {
      Outputs.write("the predictions " + output, "Free space on that disk, or choose another --output FILE; the file "
          + "is unchanged.", () -> AtomicFiles.write(output, s -> {
            Writer w = new OutputStreamWriter(s, StandardCharsets.UTF_8);
            text.write(w);
            w.flush();
          }));
    } finally {
      if (lock != null) lock.close();
    }
  }
}
