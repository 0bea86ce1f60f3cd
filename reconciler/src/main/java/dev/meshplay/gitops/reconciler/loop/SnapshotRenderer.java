package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.render.RenderedSet;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Renders a commit once: the files are written to a scratch directory (kustomize needs real files),
 * rendered, and the result kept until the commit changes, so drift passes between commits cost no
 * rendering.
 */
public final class SnapshotRenderer {
  private final RepositoryRenderer renderer;
  private final Path scratch;
  private String renderedCommit;
  private RenderedSet rendered;

  public SnapshotRenderer(RepositoryRenderer renderer, Path scratch) {
    this.renderer = renderer;
    this.scratch = scratch;
  }

  public synchronized RenderedSet render(Snapshot snapshot) {
    if (!snapshot.commitId().equals(renderedCommit)) {
      Path dir = scratch.resolve(snapshot.source().name() + "-" + snapshot.shortId());
      try {
        deleteTree(dir);
        snapshot.files().writeTo(dir);
        rendered = renderer.render(dir);
        renderedCommit = snapshot.commitId();
      } finally {
        deleteTree(dir);
      }
    }
    return rendered;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cleaning " + dir, e);
    }
  }
}
