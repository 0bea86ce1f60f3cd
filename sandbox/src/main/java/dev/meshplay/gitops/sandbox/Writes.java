package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.apply.ApplyOutcome;
import dev.meshplay.gitops.sandbox.apply.ServerSideApply;
import dev.meshplay.gitops.sandbox.document.Trees;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Create, update, patch, apply and delete: each reads the live object, computes the new one with
 * its managedFields ({@link ServerSideApply}), and commits it. One lock makes each
 * read-compute-write atomic. Refusals are thrown as {@link Rejected}.
 */
final class Writes {
  private final Store store;
  private final Commit commit;
  private final Subresources subresources;
  private final ReentrantLock lock = new ReentrantLock();

  Writes(Store store, Commit commit, Subresources subresources) {
    this.store = store;
    this.commit = commit;
    this.subresources = subresources;
  }

  MockResponse create(ApiRequest request, ResourcePath path) {
    Map<String, Object> body = Patches.object(request.body());
    AppliedConfig.placeInNamespace(body, path);
    String name = Trees.string(body, "metadata", "name");
    return locked(
        () -> {
          if (name != null && store.read(path.collection() + "/" + name).isPresent()) {
            return Responses.alreadyExists(path, name);
          }
          Map<String, Object> object =
              ServerSideApply.update(null, body, commit.writer(request, path));
          return commit.save(path, null, object, request.dryRun());
        });
  }

  MockResponse replace(ApiRequest request, ResourcePath path) {
    if (path.subresource() != null) {
      return locked(() -> subresources.write(request, path));
    }
    Map<String, Object> body = Patches.object(request.body());
    return locked(() -> update(request, path, body));
  }

  MockResponse patch(ApiRequest request, ResourcePath path) {
    if (path.subresource() != null) {
      return locked(() -> subresources.write(request, path));
    }
    return locked(
        () -> {
          Map<String, Object> live = store.read(path.item()).orElse(null);
          if (request.mediaType().equals(Patches.APPLY)) {
            return apply(request, path, live);
          }
          if (live == null) {
            return Responses.notFound(path);
          }
          return update(request, path, Patches.apply(request.mediaType(), live, request.body()));
        });
  }

  MockResponse delete(ApiRequest request, ResourcePath path) {
    return locked(
        () -> {
          MockResponse answer =
              request.dryRun() ? store.get(request.uri()) : store.delete(request.uri());
          if (answer.code() == 404 && path.name() != null) {
            return Responses.notFound(path);
          }
          return Responses.labelled(answer);
        });
  }

  private MockResponse apply(ApiRequest request, ResourcePath path, Map<String, Object> live) {
    String manager = request.query().get("fieldManager");
    if (manager == null || manager.isEmpty()) {
      return Responses.badRequest(
          "PATCH " + path.item() + ": fieldManager is required for apply requests");
    }
    Map<String, Object> config = AppliedConfig.validate(Patches.object(request.body()), path);
    Commit.checkResourceVersion(path, live, config);
    return switch (ServerSideApply.apply(
        live, config, commit.writer(request, path), request.force())) {
      case ApplyOutcome.Conflicted refused -> Responses.conflicts(refused);
      case ApplyOutcome.Applied applied ->
          commit.save(path, live, applied.object(), request.dryRun());
    };
  }

  private MockResponse update(ApiRequest request, ResourcePath path, Map<String, Object> updated) {
    Map<String, Object> live = store.read(path.item()).orElse(null);
    if (live == null) {
      return Responses.notFound(path);
    }
    AppliedConfig.placeInNamespace(updated, path);
    Commit.checkResourceVersion(path, live, updated);
    Map<String, Object> object =
        ServerSideApply.update(live, updated, commit.writer(request, path));
    return commit.save(path, live, object, request.dryRun());
  }

  private MockResponse locked(Supplier<MockResponse> write) {
    lock.lock();
    try {
      return write.get();
    } finally {
      lock.unlock();
    }
  }
}
