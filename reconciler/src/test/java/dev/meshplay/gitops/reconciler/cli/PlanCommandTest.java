package dev.meshplay.gitops.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.Main;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code plan} and {@code apply} through the command line, against sandbox clusters. */
class PlanCommandTest {
  @TempDir Path tmp;

  private SandboxCluster sandbox;
  private Path kubeconfig;
  private PlanRepository repo;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = SandboxCluster.start();
    kubeconfig = sandbox.writeKubeconfig(tmp.resolve("kubeconfig"));
    repo = PlanRepository.create(tmp.resolve("shop"));
  }

  @AfterEach
  void tearDown() {
    sandbox.close();
  }

  @Test
  void planWithoutAClusterIsAllCreatesInASandboxAndExitsTwo() {
    Run run = run("plan", "--repo", repo.dir().toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out())
        .contains("empty in-process sandbox")
        .contains("+ create Namespace/shop")
        .contains("Plan: 2 to create, 0 to update, 0 to prune");
  }

  @Test
  void planReportsTheSchemaErrorsTheDaemonWouldAndExitsOne() throws Exception {
    repo.write(
        "manifests/shop/web.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: many
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27"}]}
        """);

    Run run = run("plan", "--repo", repo.dir().toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("manifests/shop/web.yaml:", "replicas");
  }

  @Test
  void planChangesNothingInTheCluster() {
    run("plan", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());

    assertThat(sandbox.client().namespaces().withName("shop").get()).isNull();
  }

  @Test
  void applyThenPlanExitsZeroWhenTheClusterMatches() {
    Run apply =
        run("apply", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());
    Run plan = run("plan", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("manifests/shop: Synced");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out())
        .contains("manifests/shop → sandbox", "= unchanged")
        .doesNotContain("empty");
  }

  @Test
  void prunesArePlannedFromTheInventoryInTheDaemonsInventoryNamespace() throws Exception {
    run("apply", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());
    // A daemon with inventoryNamespace: gitops-state keeps the same record there.
    var inventory =
        sandbox
            .client()
            .configMaps()
            .inNamespace("meshplay-system")
            .withName("inventory-shop")
            .get();
    sandbox
        .client()
        .namespaces()
        .resource(
            new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata()
                .withName("gitops-state")
                .endMetadata()
                .build())
        .create();
    inventory.getMetadata().setNamespace("gitops-state");
    inventory.getMetadata().setResourceVersion(null);
    inventory.getMetadata().setUid(null);
    sandbox.client().configMaps().inNamespace("gitops-state").resource(inventory).create();
    sandbox
        .client()
        .configMaps()
        .inNamespace("meshplay-system")
        .withName("inventory-shop")
        .delete();
    // The ConfigMap leaves Git; the Namespace stays.
    repo.write(
        "manifests/shop/config.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");

    Run elsewhere =
        run(
            "plan",
            "--repo",
            repo.dir().toString(),
            "--kubeconfig",
            kubeconfig.toString(),
            "--inventory-namespace",
            "gitops-state");
    Run defaultNamespace =
        run("plan", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());

    assertThat(elsewhere.out()).as(elsewhere.err()).contains("1 to prune");
    assertThat(defaultNamespace.out()).as(defaultNamespace.err()).contains("0 to prune");
  }

  @Test
  void anEditedWorkingTreeShowsTheFieldOldToNewAndExitsTwo() throws Exception {
    run("apply", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());
    repo.write("manifests/shop/config.yaml", PlanRepository.CONFIG.formatted("bonjour"));

    Run plan = run("plan", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.out())
        .contains("~ update ConfigMap/shop/greeting")
        .contains(".data.greeting: hello → bonjour");
  }

  @Test
  void baseShowsHowTheDesignsChangedSinceThatRef() throws Exception {
    repo.write("manifests/shop/config.yaml", PlanRepository.CONFIG.formatted("bonjour"));
    repo.commit("french");

    Run plan = run("plan", "--repo", repo.dir().toString(), "--base", "main~1");

    assertThat(plan.out())
        .contains("Changed against main~1:")
        .contains("changed ConfigMap/shop/greeting")
        .contains(".data.greeting: hello → bonjour");
  }

  @Test
  void refPlansTheCommittedRevisionNotTheWorkingTree() throws Exception {
    run("apply", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());
    repo.write("manifests/shop/config.yaml", PlanRepository.CONFIG.formatted("bonjour"));
    String committed = repo.commit("french");
    repo.write("manifests/shop/config.yaml", PlanRepository.CONFIG.formatted("hola"));

    Run plan =
        run(
            "plan",
            "--repo",
            repo.dir().toString(),
            "--ref",
            "HEAD",
            "--kubeconfig",
            kubeconfig.toString(),
            "-o",
            "json");

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.out()).contains(committed).contains("bonjour").doesNotContain("hola");
  }

  @Test
  void anUnknownRefIsAnErrorNamingIt() {
    Run plan = run("plan", "--repo", repo.dir().toString(), "--ref", "no-such-branch");

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.err()).contains("'no-such-branch' names no commit");
  }

  @Test
  void aDenyFindingExitsOne() throws Exception {
    repo.write("manifests/shop/pod.yaml", PlanRepository.PRIVILEGED);

    Run plan = run("plan", "--repo", repo.dir().toString());

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out()).contains("denied by policy: container-privileged");
  }

  @Test
  void aRenderErrorExitsOneWithFileAndLine() throws Exception {
    repo.write("manifests/shop/broken.yaml", "apiVersion: v1\nkind: [\n");

    Run plan = run("plan", "--repo", repo.dir().toString());

    assertThat(plan.exit()).isEqualTo(1);
    assertThat(plan.out()).contains("manifests/shop/broken.yaml:");
  }

  @Test
  void markdownHasTheMarkerAndTheSummaryTable() {
    Run plan = run("plan", "--repo", repo.dir().toString(), "-o", "markdown");

    assertThat(plan.exit()).isEqualTo(2);
    assertThat(plan.out())
        .startsWith("<!-- meshplay-gitops:plan -->")
        .contains("| design | cluster | create | update | prune | unchanged | deny | warn |")
        .contains("| `manifests/shop` | sandbox | 2 | 0 | 0 | 0 |")
        .contains("<details>");
  }

  @Test
  void jsonCarriesTheCountsAndTheVerdict() {
    Run plan = run("plan", "--repo", repo.dir().toString(), "-o", "json");

    JsonNode doc = JsonMapper.builder().build().readTree(plan.out());
    assertThat(doc.get("hasChanges").asBoolean()).isTrue();
    assertThat(doc.get("sandbox").asBoolean()).isTrue();
    assertThat(doc.get("designs").get(0).get("counts").get("create").asInt()).isEqualTo(2);
  }

  @Test
  void sarifListsTheDenyFindingWithItsFile() throws Exception {
    repo.write("manifests/shop/pod.yaml", PlanRepository.PRIVILEGED);

    Run plan = run("plan", "--repo", repo.dir().toString(), "-o", "sarif");

    JsonNode doc = JsonMapper.builder().build().readTree(plan.out());
    assertThat(plan.exit()).isEqualTo(1);
    assertThat(doc.get("version").asString()).isEqualTo("2.1.0");
    assertThat(plan.out()).contains("container-privileged").contains("manifests/shop/pod.yaml");
  }

  @Test
  void applyWithAnInvalidMeshplayYamlExitsOne() throws Exception {
    repo.write("meshplay.yaml", "designs: [\n");
    repo.commit("broken settings");

    Run apply =
        run("apply", "--repo", repo.dir().toString(), "--kubeconfig", kubeconfig.toString());

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.out()).contains("error: meshplay.yaml");
  }

  @Test
  void theExampleRepositoryPlansWithChangesAndNoErrorsAsItsWorkflowRunsIt() {
    Path examples = Path.of("..", "examples-repo").toAbsolutePath().normalize();

    Run plan = run("plan", "--repo", examples.toString(), "-o", "markdown");

    assertThat(plan.exit()).as(plan.out() + plan.err()).isEqualTo(2);
    assertThat(plan.out()).contains("| `designs/webapp.yaml` | sandbox |");
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(new ArrayList<>(List.of(args)).toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
