package dev.meshplay.gitops.reconciler.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.ObjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The per-design counts and pass timing added to {@code /api/v1/status}. */
class StatusJsonTest {
  private static final Instant STARTED = Instant.parse("2026-11-23T02:00:00Z");

  private static ObjectStatus object(String name, Action action, String error) {
    return new ObjectStatus(
        new ObjectRef("v1", "ConfigMap", "shop", name), action, List.of(), null, error, null);
  }

  private static JsonNode status() {
    var design =
        StatusFixtures.design(
            "web",
            DesignState.FAILED,
            List.of(
                object("a", Action.CREATE, null),
                object("b", Action.CREATE, null),
                object("c", Action.UPDATE, "Conflict"),
                object("d", Action.UNCHANGED, null),
                object("e", Action.PRUNE, null),
                object("f", Action.KEEP, "refused: would prune 3 of 4")));
    CommitInfo commit = new CommitInfo("0123456789abcdef", "m", "a", STARTED);
    var source =
        new SourceStatus(
            "demo",
            "/r",
            "main",
            commit,
            null,
            List.of(
                new ClusterStatus(
                    "sandbox", commit, STARTED.plusMillis(1500), null, List.of(design), STARTED)));
    return JsonMapper.builder().build().readTree(StatusJson.of(List.of(source)));
  }

  @Test
  void eachDesignCountsWhatThePassDidPerActionWithFailedWritesApart() {
    JsonNode counts = status().path("designs").path(0).path("counts");

    assertThat(counts.path("created").asInt()).isEqualTo(2);
    assertThat(counts.path("updated").asInt()).isZero();
    assertThat(counts.path("failed").asInt()).isEqualTo(1);
    assertThat(counts.path("unchanged").asInt()).isEqualTo(1);
    assertThat(counts.path("pruned").asInt()).isEqualTo(1);
    assertThat(counts.path("kept").asInt()).isEqualTo(1);
    assertThat(counts.path("drifted").asInt()).isZero();
    assertThat(counts.path("keptNotOwned").asInt()).isZero();
  }

  @Test
  void designsAndClustersSayWhenTheirLastPassRanAndHowLongItTook() {
    JsonNode status = status();

    for (JsonNode pass :
        List.of(
            status.path("designs").path(0).path("lastPass"),
            status.path("sources").path(0).path("clusters").path(0).path("lastPass"))) {
      assertThat(pass.path("started").asString()).isEqualTo("2026-11-23T02:00:00Z");
      assertThat(pass.path("finished").asString()).isEqualTo("2026-11-23T02:00:01.500Z");
      assertThat(pass.path("durationSeconds").asDouble()).isEqualTo(1.5);
    }
  }

  @Test
  void theContractFieldsStay() {
    JsonNode status = status();

    assertThat(status.path("sources").path(0).path("lastAppliedCommit").asString())
        .isEqualTo("0123456789abcdef");
    assertThat(status.path("designs").path(0).path("name").asString()).isEqualTo("web");
    assertThat(status.path("designs").path(0).path("status").asString()).isEqualTo("Failed");
    assertThat(status.path("designs").path(0).path("objects")).hasSize(6);
  }
}
