package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderCacheTest {

  @Test
  void rendersOncePerRevisionOfTheStoreAndAgainAfterAWrite() {
    StatusStore store = store(source("first", design("web", DesignState.SYNCED, List.of())));
    AtomicInteger renders = new AtomicInteger();
    RenderCache cache =
        new RenderCache(
            store, sources -> renders.incrementAndGet() + ":" + sources.get(0).head().message());

    String a = new String(cache.get(), StandardCharsets.UTF_8);
    String b = new String(cache.get(), StandardCharsets.UTF_8);
    store.put(source("second", design("web", DesignState.FAILED, List.of())));
    String c = new String(cache.get(), StandardCharsets.UTF_8);

    assertThat(a).isEqualTo("1:first").isEqualTo(b);
    assertThat(c).isEqualTo("2:second");
  }
}
