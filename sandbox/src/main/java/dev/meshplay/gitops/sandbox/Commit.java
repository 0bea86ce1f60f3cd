package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.apply.Writer;
import dev.meshplay.gitops.sandbox.document.Trees;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The last step of every write: store the computed object, or only show it on a dry run. */
final class Commit {
  private final Store store;
  private final Clock clock;

  Commit(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Creates the object (no live one) or replaces it. A replace that changes nothing stores nothing,
   * so a repeated apply keeps the resourceVersion and wakes no watcher.
   */
  MockResponse save(
      ResourcePath path, Map<String, Object> live, Map<String, Object> object, boolean dryRun) {
    Map<String, Object> metadata = Trees.metadata(object);
    ServerSetStatus.fill(object);
    if (live == null) {
      AppliedConfig.placeInNamespace(object, path);
      if (!dryRun) {
        return Responses.labelled(store.create(path.collection(), object));
      }
      metadata.put("uid", UUID.randomUUID().toString());
      metadata.put("creationTimestamp", now());
      metadata.put("generation", 1L);
      return Responses.json(201, object);
    }
    metadata.put("resourceVersion", Trees.string(live, "metadata", "resourceVersion"));
    if (object.equals(live)) {
      return Responses.json(200, live);
    }
    return dryRun
        ? Responses.json(200, object)
        : Responses.labelled(store.replace(path.item(), object));
  }

  /** Who writes: the request's field manager, the URL's API version, now. */
  Writer writer(ApiRequest request, ResourcePath path) {
    return new Writer(request.manager(), path.groupVersion(), now());
  }

  /**
   * A resourceVersion in the request is a precondition: it must be the live one.
   *
   * @throws Rejected 409 when it is stale, 404 when there is no live object
   */
  static void checkResourceVersion(
      ResourcePath path, Map<String, Object> live, Map<String, Object> sent) {
    String expected = Trees.string(sent, "metadata", "resourceVersion");
    if (expected == null || expected.isEmpty()) {
      return;
    }
    if (live == null) {
      throw new Rejected(
          Responses.notFound(path), "no object to match resourceVersion " + expected);
    }
    if (!Objects.equals(expected, Trees.string(live, "metadata", "resourceVersion"))) {
      throw new Rejected(Responses.modified(path), "stale resourceVersion " + expected);
    }
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
