package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.time.Instant;
import java.util.List;

/** Status values as a pass would leave them, including hostile text from a repository. */
final class StatusFixtures {
  static final String HOSTILE_NAME = "<script>alert(\"name\")</script>'x";
  static final String HOSTILE_MESSAGE = "fix <script>alert('msg')</script> \"quoted\"";

  private StatusFixtures() {}

  static ObjectStatus drifted() {
    return new ObjectStatus(
        new ObjectRef("apps/v1", "Deployment", "web", "web"),
        Action.UPDATE,
        List.of(".spec.replicas"),
        new Provenance("designs/web.yaml", 12),
        null,
        Health.progressing("1 of 2 replicas available"));
  }

  static DesignStatus design(String name, DesignState state, List<ObjectStatus> objects) {
    return new DesignStatus(
        "designs/web.yaml", name, DesignFormat.MESHERY_DESIGN, state, null, List.of(), objects, 2);
  }

  static DesignStatus failing(String name) {
    return new DesignStatus(
        "designs/x.yaml",
        name,
        DesignFormat.MESHERY_DESIGN,
        DesignState.FAILED,
        "bad \"thing\"",
        List.of(Diagnostic.error("designs/x.yaml", 3, 1, "<img src=x>")),
        List.of(),
        0);
  }

  static SourceStatus source(String message, DesignStatus... designs) {
    CommitInfo commit = new CommitInfo("0123456789abcdef", message, "Eve & co", Instant.EPOCH);
    return new SourceStatus(
        "demo",
        "/r",
        "main",
        commit,
        null,
        List.of(new ClusterStatus("sandbox", commit, Instant.EPOCH, null, List.of(designs))));
  }

  static StatusStore store(SourceStatus... sources) {
    StatusStore store = new StatusStore();
    for (SourceStatus s : sources) {
      store.put(s);
    }
    return store;
  }
}
