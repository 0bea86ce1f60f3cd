package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.apply.ApplyMerge;
import dev.meshplay.gitops.sandbox.apply.ServerSideApply;
import dev.meshplay.gitops.sandbox.document.Documents;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes to {@code /status} and {@code /scale}. A status write changes only the status and records
 * no ownership (the CRUD store keeps the rest); a scale write sets {@code spec.replicas}, owned by
 * its manager. Any write type works on both: PUT, apply, merge, JSON and strategic merge patches.
 */
final class Subresources {
  private final Store store;
  private final Commit commit;

  Subresources(Store store, Commit commit) {
    this.store = store;
    this.commit = commit;
  }

  /** The Scale of a stored object. */
  MockResponse readScale(ResourcePath path) {
    return store
        .read(path.item())
        .map(live -> Responses.json(200, Scales.of(live)))
        .orElseGet(() -> Responses.notFound(path));
  }

  /** A PUT or PATCH to a subresource; the caller holds the write lock. */
  MockResponse write(ApiRequest request, ResourcePath path) {
    Map<String, Object> live = store.read(path.item()).orElse(null);
    if (live == null) {
      return Responses.notFound(path);
    }
    return switch (path.subresource()) {
      case "status" -> status(request, path, live);
      case "scale" -> scale(request, path, live);
      default ->
          Responses.status(
              404, "NotFound", "the sandbox serves only the status and scale subresources");
    };
  }

  private MockResponse status(ApiRequest request, ResourcePath path, Map<String, Object> live) {
    Map<String, Object> written = written(request, live);
    Commit.checkResourceVersion(path, live, written);
    Map<String, Object> result = Documents.copy(live);
    if (written.get("status") == null) {
      result.remove("status");
    } else {
      result.put("status", written.get("status"));
    }
    if (request.dryRun()) {
      return Responses.json(200, result);
    }
    return Responses.labelled(store.replace(path.item() + "/status", result));
  }

  private MockResponse scale(ApiRequest request, ResourcePath path, Map<String, Object> live) {
    Map<String, Object> written = written(request, Scales.of(live));
    Commit.checkResourceVersion(path, live, written);
    Map<String, Object> scaled = Scales.applyTo(live, written);
    Map<String, Object> object = ServerSideApply.update(live, scaled, commit.writer(request, path));
    MockResponse saved = commit.save(path, live, object, request.dryRun());
    if (saved.code() >= 300) {
      return saved;
    }
    String json = new String(saved.getBody().getBytes(), StandardCharsets.UTF_8);
    return Responses.json(200, Scales.of(Documents.parseObject(json)));
  }

  /** What a write makes of the current view: the PUT body, or the current view patched. */
  private static Map<String, Object> written(ApiRequest request, Map<String, Object> current) {
    if (request.method() == HttpMethod.PUT) {
      return Patches.object(request.body());
    }
    if (request.mediaType().equals(Patches.APPLY)) {
      return ApplyMerge.merge(current, Patches.object(request.body()));
    }
    return Patches.apply(request.mediaType(), current, request.body());
  }
}
