package dev.meshplay.gitops.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;

/**
 * A commit's files written to a temporary directory, for tools that need real files; closing it
 * deletes the directory.
 *
 * @param dir the directory holding the files
 */
public record MaterializedTree(Path dir) implements AutoCloseable {

  @Override
  public void close() {
    try {
      FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
