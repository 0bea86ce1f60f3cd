package dev.meshplay.gitops.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.plan.Plan;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.ObjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PassEventsTest {
  private static final CommitInfo HEAD =
      new CommitInfo("abcdef1234", "ship it", "me", Instant.EPOCH);
  private static final ObjectRef WEB = new ObjectRef("apps/v1", "Deployment", "shop", "web");
  private static final ObjectRef OLD = new ObjectRef("v1", "ConfigMap", "shop", "old");

  @Test
  void aNewCommitsChangesAreReportedAsUpdatesAndTheSync() {
    DesignStatus shop =
        design(DesignState.SYNCED, null, object(WEB, Action.UPDATE), object(OLD, Action.PRUNE));
    Plan plan =
        new Plan(
            List.of(
                new Change(
                    "designs/shop.yaml",
                    WEB,
                    Action.UPDATE,
                    List.of(".spec.replicas"),
                    Map.of(),
                    null,
                    null),
                new Change("designs/shop.yaml", OLD, Action.PRUNE, List.of(), null, null, null)),
            Inventory.empty());

    List<Event> events =
        PassEvents.of(never(), "sandbox", HEAD, applied(plan, true, shop), Instant.EPOCH);
    List<Event> sameCommit =
        PassEvents.of(after(shop), "sandbox", HEAD, applied(plan, true, shop), Instant.EPOCH);

    assertThat(events)
        .extracting(Event::kind)
        .containsExactly(EventKind.UPDATED, EventKind.PRUNED, EventKind.SYNCED);
    assertThat(events.get(0).message()).isEqualTo("Deployment/shop/web");
    assertThat(events.get(2).message()).isEqualTo("applied abcdef1: ship it");
    // On the same commit Git cannot have changed: the update put drifted paths back.
    assertThat(sameCommit)
        .extracting(Event::kind)
        .containsExactly(EventKind.PRUNED, EventKind.DRIFT_REPAIRED);
    assertThat(sameCommit.get(1).message()).isEqualTo("Deployment/shop/web .spec.replicas");
  }

  @Test
  void aFailureIsReportedWhenItBeginsNotOnEveryPass() {
    DesignStatus failed = design(DesignState.FAILED, "render failed, last good state kept: x:1:1");
    PassOutcome outcome = applied(new Plan(List.of(), Inventory.empty()), false, failed);

    List<Event> first = PassEvents.of(never(), "sandbox", HEAD, outcome, Instant.EPOCH);
    List<Event> again = PassEvents.of(after(failed), "sandbox", HEAD, outcome, Instant.EPOCH);

    assertThat(first).extracting(Event::kind).containsExactly(EventKind.RENDER_FAILED);
    assertThat(again).isEmpty();
  }

  @Test
  void aRefusedPruneAndAnUnreachableClusterAreNamed() {
    DesignStatus refused = design(DesignState.FAILED, "prune refused: 3 of 4 objects (75 %)");
    List<Event> prune =
        PassEvents.of(
            never(),
            "sandbox",
            HEAD,
            applied(new Plan(List.of(), Inventory.empty()), false, refused),
            Instant.EPOCH);
    List<Event> down =
        PassEvents.of(
            never(),
            "sandbox",
            HEAD,
            new PassOutcome.ClusterUnavailable("sandbox: connection refused"),
            Instant.EPOCH);

    assertThat(prune).extracting(Event::kind).containsExactly(EventKind.PRUNE_REFUSED);
    assertThat(down).extracting(Event::kind).containsExactly(EventKind.CLUSTER_UNREACHABLE);
    assertThat(down.get(0).cluster()).isEqualTo("sandbox");
  }

  @Test
  void aQuietPassOnTheSameCommitSaysNothing() {
    DesignStatus synced = design(DesignState.SYNCED, null, object(WEB, Action.UNCHANGED));
    PassOutcome outcome = applied(new Plan(List.of(), Inventory.empty()), true, synced);

    assertThat(PassEvents.of(after(synced), "sandbox", HEAD, outcome, Instant.EPOCH)).isEmpty();
    assertThat(PassEvents.changesStatus(after(synced), "sandbox", outcome)).isFalse();
    assertThat(PassEvents.changesStatus(never(), "sandbox", outcome)).isTrue();
  }

  @Test
  void aGitFailureIsReportedOnceUntilItChanges() {
    SourceStatus failing = never().withHead(null, "cannot reach /r");

    assertThat(PassEvents.pollFailed(never(), "cannot reach /r", Instant.EPOCH))
        .extracting(Event::kind)
        .containsExactly(EventKind.GIT_UNREACHABLE);
    assertThat(PassEvents.pollFailed(failing, "cannot reach /r", Instant.EPOCH)).isEmpty();
  }

  private static PassOutcome applied(Plan plan, boolean all, DesignStatus... designs) {
    return new PassOutcome.Applied(List.of(designs), plan, all);
  }

  private static SourceStatus never() {
    return SourceStatus.pending("demo", "/r", "main", List.of("sandbox"));
  }

  private static SourceStatus after(DesignStatus design) {
    return never()
        .withCluster(new ClusterStatus("sandbox", HEAD, Instant.EPOCH, null, List.of(design)));
  }

  private static DesignStatus design(DesignState state, String message, ObjectStatus... objects) {
    return new DesignStatus(
        "designs/shop.yaml",
        "shop",
        DesignFormat.MESHERY_DESIGN,
        state,
        message,
        List.of(),
        List.of(objects),
        0);
  }

  private static ObjectStatus object(ObjectRef ref, Action action) {
    return new ObjectStatus(ref, action, List.of(), null, null, null);
  }
}
