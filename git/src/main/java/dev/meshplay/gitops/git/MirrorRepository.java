package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

/** The bare repository on disk behind a {@link SourceMirror}: open, wipe, size, tracked refs. */
final class MirrorRepository {
  private MirrorRepository() {}

  /** Opens the bare repository at {@code dir}, creating it (again) when absent or unreadable. */
  static Repository open(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isRegularFile(dir.resolve("HEAD"))) {
      wipe(dir);
    }
    Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    if (!Files.exists(dir.resolve("HEAD"))) {
      repository.create(true);
    }
    pruneSupersededPacksAtOnce(repository);
    return repository;
  }

  /**
   * A fetch adds a pack and JGit's automatic gc repacks at 50, but keeps the packs it superseded
   * for an hour ({@code gc.prunePackExpire}): with a commit every few seconds the mirror stays over
   * the limit, so every fetch runs a full gc, and superseded packs pile up on disk and in open
   * files (the soak found 144 packs after 14 minutes). Only this process uses the mirror, so
   * nothing else can still need them.
   */
  private static void pruneSupersededPacksAtOnce(Repository repository) throws IOException {
    StoredConfig config = repository.getConfig();
    if (!"now".equals(config.getString("gc", null, "prunePackExpire"))) {
      config.setString("gc", null, "prunePackExpire", "now");
      config.save();
    }
  }

  static void wipe(Path dir) throws IOException {
    FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  /** Bytes used on disk by the repository; files vanishing meanwhile (auto gc) do not count. */
  static long size(Path dir) throws IOException {
    long[] total = {0};
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            total[0] += attrs.size();
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return total[0];
  }

  /** The local tips of the source's branch and tracked pull-request refs. */
  static Map<String, ObjectId> trackedRefs(Repository repository, GitSource source)
      throws IOException {
    Map<String, ObjectId> refs = new TreeMap<>();
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix("refs/")) {
      if (ref.getObjectId() != null
          && (ref.getName().equals(source.ref()) || source.tracksPullRequest(ref.getName()))) {
        refs.put(ref.getName(), ref.getObjectId());
      }
    }
    return refs;
  }

  /** Points {@code name} at {@code id}, or deletes it when {@code id} is null. */
  static void setRef(Repository repository, String name, ObjectId id) throws IOException {
    RefUpdate update = repository.updateRef(name);
    update.setForceUpdate(true);
    RefUpdate.Result result;
    if (id == null) {
      result = update.delete();
    } else {
      update.setNewObjectId(id);
      result = update.update();
    }
    switch (result) {
      case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {}
      default -> throw new IOException("cannot update " + name + ": " + result);
    }
  }
}
