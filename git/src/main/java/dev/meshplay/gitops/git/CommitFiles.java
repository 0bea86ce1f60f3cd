package dev.meshplay.gitops.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The files of one commit (or of one directory of it), read from the object database of a mirror:
 * no working tree.
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

  /** Every file path, relative to this tree's root with '/' separators, sorted. */
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

  /** The files under directory {@code dir}, rooted there; empty when there is no such directory. */
  public Optional<CommitFiles> under(String dir) {
    if (dir.isEmpty()) {
      return Optional.of(this);
    }
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = TreeWalk.forPath(reader, dir, tree)) {
      if (walk == null || !FileMode.TREE.equals(walk.getFileMode(0))) {
        return Optional.empty();
      }
      return Optional.of(new CommitFiles(repository, walk.getObjectId(0)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + dir, e);
    }
  }

  /**
   * Writes the files under {@code dir} (which must be empty or absent), as a checkout would, for
   * tools that need a real directory (kustomize).
   */
  public void writeTo(Path dir) {
    walk(
        (walk, reader) -> {
          Path target = dir.resolve(walk.getPathString());
          Files.createDirectories(target.getParent());
          byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
          if (FileMode.SYMLINK.equals(walk.getFileMode(0))) {
            Files.createSymbolicLink(target, Path.of(new String(content, StandardCharsets.UTF_8)));
          } else {
            Files.write(target, content);
          }
        });
  }

  /**
   * Writes the files into a new temporary directory under {@code parent}, deleted again when the
   * returned value is closed.
   */
  public MaterializedTree materialize(Path parent) {
    try {
      Files.createDirectories(parent);
      Path dir = Files.createTempDirectory(parent, "tree-");
      MaterializedTree materialized = new MaterializedTree(dir);
      try {
        writeTo(dir);
      } catch (RuntimeException e) {
        materialized.close();
        throw e;
      }
      return materialized;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory under " + parent, e);
    }
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
