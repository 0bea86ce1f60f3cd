package dev.meshplay.gitops.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit, read from the object database of a mirror: no working tree.
 *
 * <p>Symbolic links are kept as links so that a renderer can refuse those leaving the repository.
 */
public final class CommitFiles {
  private final Repository repository;
  private final ObjectId tree;

  CommitFiles(Repository repository, ObjectId tree) {
    this.repository = repository;
    this.tree = tree;
  }

  /** Every file path in the commit, repository-relative with '/' separators, sorted. */
  public List<String> paths() {
    List<String> paths = new ArrayList<>();
    walk((walk, reader) -> paths.add(walk.getPathString()));
    return paths;
  }

  /** The content of one file. */
  public byte[] read(String path) {
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null) {
        throw new IllegalArgumentException("no file " + path + " in tree " + tree.name());
      }
      return reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }

  /**
   * Writes the commit's files under {@code dir} (which must be empty or absent), as a checkout
   * would, for tools that need a real directory (kustomize).
   */
  public void writeTo(Path dir) {
    walk(
        (walk, reader) -> {
          Path target = dir.resolve(walk.getPathString());
          Files.createDirectories(target.getParent());
          byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
          if (FileMode.SYMLINK.equals(walk.getFileMode(0))) {
            Files.createSymbolicLink(target, Path.of(new String(content, "UTF-8")));
          } else {
            Files.write(target, content);
          }
        });
  }

  private interface Visitor {
    void visit(TreeWalk walk, ObjectReader reader) throws IOException;
  }

  private void walk(Visitor visitor) {
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        if (!FileMode.GITLINK.equals(walk.getFileMode(0))) {
          visitor.visit(walk, reader);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading tree " + tree.name(), e);
    }
  }
}
