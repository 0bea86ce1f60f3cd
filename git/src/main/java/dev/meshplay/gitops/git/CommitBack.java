package dev.meshplay.gitops.git;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes back to a source's remote: report files as one commit, and git notes on commits. Every
 * push is a fast-forward; when the remote moved meanwhile, the commit is built again on the new tip
 * (carrying only the report's changes) and pushed again, a bounded number of times. Nothing is ever
 * force-pushed.
 */
public final class CommitBack {
  public static final String DEFAULT_NOTES_REF = "refs/notes/meshplay";

  private final SourceMirror mirror;
  private final Identity committer;
  private final String notesRef;
  private final FastForwardPush push;

  /**
   * @param mirror the source's mirror, whose object database and credentials are reused
   * @param committer the committer of every commit written
   * @param notesRef where notes go, e.g. {@value #DEFAULT_NOTES_REF}
   * @param backoff the wait between rejected pushes
   * @param maxAttempts how many pushes to try before failing with {@code PUSH_REJECTED}
   */
  public CommitBack(
      SourceMirror mirror, Identity committer, String notesRef, Backoff backoff, int maxAttempts) {
    this.mirror = Objects.requireNonNull(mirror, "mirror");
    this.committer = Objects.requireNonNull(committer, "committer");
    if (!notesRef.startsWith("refs/notes/")) {
      throw new IllegalArgumentException("notes ref '" + notesRef + "' must be under refs/notes/");
    }
    this.notesRef = notesRef;
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.push = new FastForwardPush(mirror, backoff, maxAttempts, RandomGenerator.getDefault());
  }

  /**
   * Lands {@code change} as one commit on its branch. A missing branch is created on the tip of the
   * source's branch.
   */
  public PushOutcome commit(ReportCommit change) {
    String ref = Constants.R_HEADS + change.branch();
    Repository repository = mirror.repository();
    return push.push(
        ref,
        tip -> {
          ObjectId parent = tip != null ? tip : push.fetchTip(mirror.source().ref());
          try (RevWalk walk = new RevWalk(repository);
              ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit parentCommit = parent == null ? null : walk.parseCommit(parent);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            if (parentCommit != null) {
              builder.addTree(new byte[0], 0, walk.getObjectReader(), parentCommit.getTree());
            }
            builder.finish();
            DirCacheEditor editor = index.editor();
            change.deletes().forEach(path -> editor.add(new DirCacheEditor.DeletePath(path)));
            change.deletes().forEach(path -> editor.add(new DirCacheEditor.DeleteTree(path)));
            for (var write : change.writes().entrySet()) {
              ObjectId blob = inserter.insert(Constants.OBJ_BLOB, write.getValue());
              editor.add(
                  new DirCacheEditor.PathEdit(write.getKey()) {
                    @Override
                    public void apply(DirCacheEntry entry) {
                      entry.setFileMode(FileMode.REGULAR_FILE);
                      entry.setObjectId(blob);
                    }
                  });
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            if (parentCommit != null && tree.equals(parentCommit.getTree())) {
              return null;
            }
            String parentName = parent == null ? "none" : parent.abbreviate(7).name();
            ObjectId id =
                inserter.insert(
                    commit(
                        tree,
                        parent,
                        person(change.author()),
                        change.message(mirror.source().name(), parentName)));
            inserter.flush();
            return id;
          }
        });
  }

  /** Attaches (or replaces) the note on {@code commitId} under the notes ref, and pushes it. */
  public PushOutcome note(String commitId, String text) {
    ObjectId target = ObjectId.fromString(commitId);
    Repository repository = mirror.repository();
    return push.push(
        notesRef,
        tip -> {
          try (RevWalk walk = new RevWalk(repository);
              ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit parent = tip == null ? null : walk.parseCommit(tip);
            NoteMap notes =
                parent == null
                    ? NoteMap.newEmptyMap()
                    : NoteMap.read(walk.getObjectReader(), parent);
            Note existing = notes.getNote(target);
            byte[] content = text.getBytes(StandardCharsets.UTF_8);
            if (existing != null
                && Arrays.equals(
                    walk.getObjectReader().open(existing.getData()).getBytes(), content)) {
              return null;
            }
            notes.set(target, inserter.insert(Constants.OBJ_BLOB, content));
            ObjectId id =
                inserter.insert(
                    commit(
                        notes.writeTree(inserter),
                        tip,
                        person(committer),
                        "Notes added by Meshplay GitOps on " + target.abbreviate(7).name()));
            inserter.flush();
            return id;
          }
        });
  }

  private CommitBuilder commit(ObjectId tree, ObjectId parent, PersonIdent author, String message) {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    if (parent != null) {
      commit.setParentId(parent);
    }
    commit.setAuthor(author);
    commit.setCommitter(person(committer));
    commit.setMessage(message.endsWith("\n") ? message : message + "\n");
    return commit;
  }

  private static PersonIdent person(Identity identity) {
    return new PersonIdent(identity.name(), identity.email());
  }
}
