package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.policies.PolicyEngine;
import dev.meshplay.gitops.reconciler.order.DesignOrder;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.reconciler.settings.SettingsException;
import dev.meshplay.gitops.reconciler.settings.SettingsReader;
import dev.meshplay.gitops.render.DesignCache;
import dev.meshplay.gitops.render.RenderedSet;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Renders a commit once: the files are written to a scratch directory (kustomize needs real files),
 * rendered, and the result kept until the commit changes, so drift passes between commits cost no
 * rendering. A new commit re-renders and re-validates only the designs whose input files changed
 * ({@link DesignCache}); the count of those is reported for each commit.
 */
public final class SnapshotRenderer {
  private final RepositoryRenderer renderer;
  private final Path scratch;
  private final DesignCache cache = new DesignCache();
  private final IntConsumer onRendered;
  private String renderedCommit;
  private RenderedRepository rendered;

  public SnapshotRenderer(RepositoryRenderer renderer, Path scratch) {
    this(renderer, scratch, designs -> {});
  }

  /**
   * @param onRendered told, for each new commit, how many designs were rendered anew (design files,
   *     manifest files, kustomize roots and charts whose inputs changed)
   */
  public SnapshotRenderer(RepositoryRenderer renderer, Path scratch, IntConsumer onRendered) {
    this.renderer = renderer;
    this.scratch = scratch;
    this.onRendered = onRendered;
  }

  /** How many designs every commit so far rendered anew. */
  public synchronized long designsRendered() {
    return cache.rendered();
  }

  public synchronized RenderedRepository render(Snapshot snapshot) {
    if (!snapshot.commitId().equals(renderedCommit)) {
      Path dir = scratch.resolve(snapshot.source().name() + "-" + snapshot.shortId());
      try {
        deleteTree(dir);
        snapshot.files().writeTo(dir);
        rendered = withSettings(renderer.render(dir, cache), dir);
        renderedCommit = snapshot.commitId();
        onRendered.accept(cache.lastRendered());
      } finally {
        deleteTree(dir);
      }
    }
    return rendered;
  }

  /**
   * Renders a directory as it is (a working tree, a checked-out ref): the plan command reads what
   * the user has not committed yet, which a snapshot cannot show.
   */
  public static RenderedRepository renderDirectory(RepositoryRenderer renderer, Path dir) {
    return withSettings(renderer.render(dir), dir);
  }

  private static RenderedRepository withSettings(RenderedSet designs, Path dir) {
    Findings findings = PolicyEngine.forRepository(dir).evaluate(designs);
    List<ProfileReading> profiles = new ProfileReader().readRepository(dir);
    RepositorySettings settings = RepositorySettings.none();
    String error = null;
    Path file = dir.resolve(RepositorySettings.FILE);
    if (Files.isRegularFile(file)) {
      try {
        settings = SettingsReader.read(Files.readString(file));
      } catch (SettingsException e) {
        error = e.getMessage();
      } catch (IOException e) {
        error = RepositorySettings.FILE + ": " + e.getMessage();
      }
    }
    if (error == null) {
      try {
        DesignOrder.of(Reconciler.names(designs), settings);
      } catch (SettingsException e) {
        error = e.getMessage();
      }
    }
    return new RenderedRepository(designs, settings, error, findings, profiles);
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
