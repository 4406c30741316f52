package org.deepgrad.run.reproduce;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.RunException;

/** The full data set of full mode: full MNIST if present (or downloadable), else Fashion-MNIST. */
final class FullData {
  private FullData() {}

  static DataConfig find(Path dir, boolean download) throws IOException {
    if (dir != null && download) {
      throw new RunException("--data-dir " + dir + " and --download: a data directory is the only place the files are "
          + "read from, and --download fetches them into the cache instead; give one of them.");
    }
    try {
      org.deepgrad.data.DataSources.mnist(options(dir).withDownload(download));
      return DataConfig.of("mnist").withDataDir(dir).withDownload(download);
    } catch (FileNotFoundException mnistMissing) {
      try {
        org.deepgrad.data.DataSources.load("fashion-mnist", options(dir));
        return DataConfig.of("fashion-mnist").withDataDir(dir);
      } catch (FileNotFoundException fashionMissing) {
        throw new RunException("reproduce without --quick trains on full MNIST or Fashion-MNIST, and neither was "
            + "found (" + mnistMissing.getMessage() + "; " + fashionMissing.getMessage() + "). Give --download to fetch "
            + "MNIST (about 11 MB) into the cache, or --data-dir DIR with the four IDX files, or use --quick for the "
            + "built-in mnist-10k.");
      }
    }
  }

  private static org.deepgrad.data.DataOptions options(Path dir) {
    org.deepgrad.data.DataOptions o = org.deepgrad.data.DataOptions.defaults();
    return dir == null ? o : o.withDataDir(dir);
  }
}
