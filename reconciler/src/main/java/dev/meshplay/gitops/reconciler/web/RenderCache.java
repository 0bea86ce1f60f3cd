package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * One rendering of the whole status (the overview, {@code /api/v1/status}, the clusters), redone
 * only when the store changed: the status changes once per pass, but a page with a thousand designs
 * may be read hundreds of times a second. Rendering twice on a race is harmless; a stale answer is
 * not possible, because the revision is read before the status it is rendered from.
 */
final class RenderCache {
  private record Entry(Object revision, byte[] body) {}

  private final StatusStore store;
  private final Function<List<SourceStatus>, String> render;
  private final AtomicReference<Entry> last = new AtomicReference<>();

  RenderCache(StatusStore store, Function<List<SourceStatus>, String> render) {
    this.store = store;
    this.render = render;
  }

  /** The rendering, encoded once: a large page is not re-encoded for every reader. */
  byte[] get() {
    Object revision = store.revision();
    Entry entry = last.get();
    if (entry != null && entry.revision() == revision) {
      return entry.body();
    }
    byte[] body = render.apply(store.sources()).getBytes(StandardCharsets.UTF_8);
    last.set(new Entry(revision, body));
    return body;
  }
}
