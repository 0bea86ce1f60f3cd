package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** A bare repository, as a server holds it, that a test can commit into directly (a "human"). */
final class BareRemote implements AutoCloseable {
  private final Repository repository;
  private final Path dir;

  private BareRemote(Repository repository, Path dir) {
    this.repository = repository;
    this.dir = dir;
  }

  static BareRemote init(Path dir) throws GitAPIException {
    Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call();
    return new BareRemote(git.getRepository(), dir);
  }

  Path dir() {
    return dir;
  }

  Repository repository() {
    return repository;
  }

  /** Commits one file change on {@code branch} (created when absent), moving the ref. */
  synchronized RevCommit commit(String branch, String path, String content, String message)
      throws IOException {
    String ref = Constants.R_HEADS + branch;
    ObjectId parent = repository.resolve(ref);
    try (ObjectInserter inserter = repository.newObjectInserter();
        RevWalk walk = new RevWalk(repository)) {
      DirCache index = DirCache.newInCore();
      if (parent != null) {
        var builder = index.builder();
        builder.addTree(new byte[0], 0, walk.getObjectReader(), walk.parseCommit(parent).getTree());
        builder.finish();
      }
      ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
      DirCacheEditor editor = index.editor();
      editor.add(
          new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
              entry.setFileMode(FileMode.REGULAR_FILE);
              entry.setObjectId(blob);
            }
          });
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      if (parent != null) {
        commit.setParentId(parent);
      }
      PersonIdent human = new PersonIdent("Human", "human@example.com");
      commit.setAuthor(human);
      commit.setCommitter(human);
      commit.setMessage(message);
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef(ref);
      update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
      update.setNewObjectId(id);
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
        throw new IOException("cannot move " + ref + ": " + result);
      }
      return walk.parseCommit(id);
    }
  }

  /** The first-parent history of {@code branch}, newest first, as commit messages. */
  List<String> log(String branch) throws IOException {
    List<String> messages = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(repository.resolve(Constants.R_HEADS + branch));
      while (commit != null) {
        messages.add(commit.getShortMessage());
        commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
      }
    }
    return messages;
  }

  @Override
  public void close() {
    repository.close();
  }
}
