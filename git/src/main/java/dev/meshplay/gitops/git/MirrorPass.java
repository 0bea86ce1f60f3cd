package dev.meshplay.gitops.git;

import dev.meshplay.gitops.git.GitSourceException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;

/**
 * One poll of one mirror: list the remote's tracked refs (one round trip), fetch the moved ones,
 * drop the vanished ones, and say what changed. On any failure after the fetch the tracked refs are
 * put back as they were, so a failed pass leaves the mirror's view unchanged.
 */
final class MirrorPass {

  /** The local mirror could not be read: the caller deletes and re-clones it. */
  static final class Corrupt extends RuntimeException {
    private final transient Map<String, ObjectId> known;

    Corrupt(Map<String, ObjectId> known, Throwable cause) {
      super(cause);
      this.known = known;
    }

    Map<String, ObjectId> known() {
      return known;
    }
  }

  interface Failure {
    GitSourceException of(Reason reason, String what, Throwable cause);
  }

  /** What a pass saw; {@code baseline} is what its events were computed against. */
  record Outcome(
      ObjectId tip,
      boolean fetched,
      List<RefEvent> events,
      int remoteCalls,
      Map<String, ObjectId> baseline) {}

  private final GitSource source;
  private final Path dir;
  private final Repository repository;
  private final RemoteAccess remote;
  private final Failure fail;

  MirrorPass(GitSource source, Path dir, Repository repository, RemoteAccess remote, Failure fail) {
    this.source = source;
    this.dir = dir;
    this.repository = repository;
    this.remote = remote;
    this.fail = fail;
  }

  /**
   * @param known the refs as last seen, when the mirror was just re-cloned (null otherwise): events
   *     are computed against them so that a re-clone does not replay every ref as new
   */
  Outcome run(Map<String, ObjectId> known) {
    Map<String, ObjectId> local = readLocal();
    Map<String, ObjectId> baseline = known != null ? known : local;
    Map<String, ObjectId> remoteRefs = listRemote();
    ObjectId tip = remoteRefs.get(source.ref());
    if (tip == null) {
      throw baseline.containsKey(source.ref())
          ? fail.of(Reason.BRANCH_DELETED, "branch deleted on remote", null)
          : fail.of(Reason.BRANCH_NOT_FOUND, "branch not found on remote", null);
    }
    Set<String> toFetch = new LinkedHashSet<>();
    remoteRefs.forEach(
        (name, id) -> {
          if (!id.equals(local.get(name)) || !has(id)) {
            toFetch.add(name);
          }
        });
    Set<String> vanished = new LinkedHashSet<>(local.keySet());
    vanished.removeAll(remoteRefs.keySet());
    try {
      if (!toFetch.isEmpty()) {
        fetch(toFetch, source.shallow() && local.isEmpty(), baseline);
        long size = MirrorRepository.size(dir);
        if (size > source.sizeLimitBytes()) {
          throw fail.of(
              Reason.TOO_LARGE,
              "mirror is " + size + " bytes, over the limit of " + source.sizeLimitBytes(),
              null);
        }
      }
      for (String name : vanished) {
        MirrorRepository.setRef(repository, name, null);
      }
      List<RefEvent> events = events(baseline, remoteRefs);
      if (!source.followRewrites()
          && events.stream()
              .anyMatch(e -> e instanceof RefEvent.Rewritten && e.ref().equals(source.ref()))) {
        throw fail.of(
            Reason.HISTORY_REWRITTEN,
            "branch was force-pushed from "
                + baseline.get(source.ref()).name()
                + " to "
                + tip.name()
                + " and the source does not follow rewrites",
            null);
      }
      return new Outcome(tip, !toFetch.isEmpty(), events, toFetch.isEmpty() ? 1 : 2, baseline);
    } catch (IOException | RuntimeException e) {
      restore(local, toFetch, vanished);
      if (e instanceof IOException io) {
        throw new Corrupt(baseline, io);
      }
      throw (RuntimeException) e;
    }
  }

  private Map<String, ObjectId> readLocal() {
    try {
      return MirrorRepository.trackedRefs(repository, source);
    } catch (IOException e) {
      throw new Corrupt(Map.of(), e);
    }
  }

  private boolean has(ObjectId id) {
    try {
      return repository.getObjectDatabase().has(id);
    } catch (IOException e) {
      return false;
    }
  }

  private Map<String, ObjectId> listRemote() {
    List<String> prefixes = new ArrayList<>();
    prefixes.add(source.ref());
    source.pullRequestRefs().forEach(p -> prefixes.add(RefPattern.of(p).prefix()));
    try {
      return remote.call(
          () -> {
            try (Transport transport = remote.open(repository);
                FetchConnection connection =
                    transport.openFetch(List.of(), prefixes.toArray(String[]::new))) {
              Map<String, ObjectId> refs = new TreeMap<>();
              for (Ref ref : connection.getRefs()) {
                String name = ref.getName();
                if (ref.getObjectId() != null
                    && (name.equals(source.ref()) || source.tracksPullRequest(name))) {
                  refs.put(name, ref.getObjectId());
                }
              }
              return refs;
            }
          });
    } catch (IOException e) {
      throw fail.of(Failures.ofRemote(e), "cannot list remote refs", e);
    }
  }

  private void fetch(Set<String> refs, boolean shallow, Map<String, ObjectId> baseline) {
    List<RefSpec> specs = refs.stream().map(r -> new RefSpec("+" + r + ":" + r)).toList();
    try {
      remote.call(
          () -> {
            try (Transport transport = remote.open(repository)) {
              transport.setTagOpt(TagOpt.NO_TAGS);
              if (shallow) {
                transport.setDepth(1);
              }
              return transport.fetch(NullProgressMonitor.INSTANCE, specs);
            }
          });
    } catch (IOException e) {
      if (Failures.isLocalCorruption(e)) {
        throw new Corrupt(baseline, e);
      }
      throw fail.of(Failures.ofRemote(e), "cannot fetch " + String.join(", ", refs), e);
    }
  }

  private List<RefEvent> events(Map<String, ObjectId> before, Map<String, ObjectId> after)
      throws IOException {
    List<String> names = new ArrayList<>(new TreeMap<>(after).keySet());
    before.keySet().stream().filter(n -> !after.containsKey(n)).forEach(names::add);
    names.sort((a, b) -> a.equals(source.ref()) ? -1 : b.equals(source.ref()) ? 1 : a.compareTo(b));
    List<RefEvent> events = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      for (String name : names) {
        ObjectId from = before.get(name);
        ObjectId to = after.get(name);
        if (from == null) {
          events.add(new RefEvent.Appeared(source.name(), name, to.name()));
        } else if (to == null) {
          events.add(new RefEvent.Disappeared(source.name(), name, from.name()));
        } else if (!from.equals(to)) {
          events.add(
              fastForward(walk, from, to)
                  ? new RefEvent.Moved(source.name(), name, from.name(), to.name())
                  : new RefEvent.Rewritten(source.name(), name, from.name(), to.name()));
        }
      }
    }
    return events;
  }

  private static boolean fastForward(RevWalk walk, ObjectId from, ObjectId to) throws IOException {
    try {
      walk.reset();
      return walk.isMergedInto(walk.parseCommit(from), walk.parseCommit(to));
    } catch (MissingObjectException e) {
      return true; // the old tip is gone with a re-cloned mirror: nothing shows a rewrite
    }
  }

  private void restore(Map<String, ObjectId> local, Set<String> fetched, Set<String> vanished) {
    Set<String> names = new LinkedHashSet<>(fetched);
    names.addAll(vanished);
    for (String name : names) {
      try {
        MirrorRepository.setRef(repository, name, local.get(name));
      } catch (IOException e) {
        throw new Corrupt(local, e);
      }
    }
  }
}
