package dev.meshplay.gitops.reconciler.prplan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan goes stale when the live cluster changes: it is planned again each poll once older than
 * the refresh period, and published again only when what it says changed.
 */
class PullRequestRefreshIT {
  private static final String PR = "refs/pull/3/head";

  @TempDir Path tmp;

  @Test
  void aPlanIsRepublishedOnlyWhenTheLiveClusterChangedWhatItSays() throws Exception {
    Path origin = tmp.resolve("origin.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call().close();
    try (Git work =
            Git.init().setInitialBranch("main").setDirectory(tmp.resolve("w").toFile()).call();
        SandboxCluster sandbox = SandboxCluster.start()) {
      Path file = tmp.resolve("w/manifests/app/config.yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\n"
              + "data: {k: v}\n");
      work.add().addFilepattern(".").call();
      String head = work.commit().setMessage("c").setSign(false).call().name();
      work.push()
          .setRemote(origin.toUri().toString())
          .setRefSpecs(new RefSpec("main:main"), new RefSpec("main:" + PR))
          .call();

      List<PullRequestPlan> published = new CopyOnWriteArrayList<>();
      PlanStore store = new PlanStore();
      try (SourceMirror mirror =
              SourceMirror.open(
                  new GitSource("shop", origin.toString(), "main")
                      .withPullRequestRefs(List.of("refs/pull/*/head")),
                  tmp.resolve("mirrors"));
          PullRequestPlanner planner =
              new PullRequestPlanner(
                  mirror,
                  new SnapshotRendering(
                      new RepositoryRenderer(KustomizeRunner.kubectl()), tmp.resolve("scratch")),
                  new RepositoryPlanner(
                      "shop",
                      List.of(Target.of(new KubernetesCluster("sandbox", sandbox.client()))),
                      false,
                      Clock.systemUTC()),
                  store,
                  List.of(published::add),
                  Duration.ZERO,
                  Clock.systemUTC())) {
        planner.handle(mirror.poll());
        planner.handle(mirror.poll());

        assertThat(published).hasSize(1);
        assertThat(published.getFirst().head()).isEqualTo(head);
        assertThat(published.getFirst().count(Action.CREATE)).isEqualTo(1);

        sandbox
            .client()
            .configMaps()
            .inNamespace("default")
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("c")
                    .withNamespace("default")
                    .endMetadata()
                    .addToData("k", "old")
                    .build())
            .create();
        planner.handle(mirror.poll());

        assertThat(published).hasSize(2);
        assertThat(store.find("shop", PR).orElseThrow().count(Action.CREATE)).isZero();
      }
    }
  }
}
