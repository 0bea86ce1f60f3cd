package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.reconciler.loop.RenderedRepository;
import dev.meshplay.gitops.reconciler.loop.SnapshotRenderer;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders pull-request commits, keeping the last few: the base is rendered once for all the pull
 * requests planned against it. Separate from the loop's renderer, whose one-commit cache the
 * branch's passes rely on.
 */
public final class SnapshotRendering {
  private static final int KEEP = 8;

  private final RepositoryRenderer renderer;
  private final Path scratch;
  private final Map<String, RenderedRepository> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RenderedRepository> eldest) {
          return size() > KEEP;
        }
      };

  public SnapshotRendering(RepositoryRenderer renderer, Path scratch) {
    this.renderer = renderer;
    this.scratch = scratch;
  }

  public synchronized RenderedRepository render(Snapshot snapshot) {
    RenderedRepository cached = recent.get(snapshot.commitId());
    if (cached != null) {
      return cached;
    }
    Path dir = scratch.resolve("pr-" + snapshot.source().name() + "-" + snapshot.shortId());
    try {
      deleteTree(dir);
      snapshot.files().writeTo(dir);
      RenderedRepository rendered = SnapshotRenderer.renderDirectory(renderer, dir);
      recent.put(snapshot.commitId(), rendered);
      return rendered;
    } finally {
      deleteTree(dir);
    }
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
