package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against the sandbox, through the kubeconfig it writes (skipped without kubectl).
 */
class KubectlConformanceTest {
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: demo}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx}]}
      """;

  @TempDir static Path home;
  private static SandboxCluster sandbox;
  private static Api api;
  private static Path kubeconfig;

  @BeforeAll
  static void start() {
    assumeTrue(kubectlAvailable(), "kubectl is not on the PATH");
    sandbox = SandboxCluster.start();
    api = new Api(sandbox);
    kubeconfig = sandbox.writeKubeconfig(home.resolve("kubeconfig"));
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void getDeploymentsInAllNamespacesListsAnAppliedDeployment() {
    api.apply("meshplay-gitops", DEPLOYMENT);

    Result result = kubectl("get", "deploy", "-A");

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output()).containsPattern("(?m)^demo\\s+web\\s");
  }

  @Test
  void patchIsDriftThatANonForcedApplyConflictsWithAndAForcedApplyRepairs() {
    api.apply("meshplay-gitops", DEPLOYMENT.replace("name: web,", "name: drifted,"));

    Result patch =
        kubectl("patch", "deploy", "drifted", "-n", "demo", "-p", "{\"spec\":{\"replicas\":5}}");

    assertThat(patch.exit()).as(patch.output()).isZero();
    var live = api.get("apps/v1", "Deployment", "demo", "drifted");
    assertThat(live.getAdditionalProperties().get("spec").toString()).contains("replicas=5");
    assertThat(Api.fieldsOf(live, "kubectl-patch", "Update"))
        .isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
    String path = "/apis/apps/v1/namespaces/demo/deployments/drifted?fieldManager=meshplay-gitops";
    String desired = DEPLOYMENT.replace("name: web,", "name: drifted,");
    assertThat(api.send("PATCH", path, Api.APPLY, desired).code()).isEqualTo(409);
    assertThat(api.send("PATCH", path + "&force=true", Api.APPLY, desired).code()).isEqualTo(200);
    assertThat(
            kubectl("get", "deploy", "drifted", "-n", "demo", "-o", "jsonpath={.spec.replicas}")
                .output())
        .isEqualTo("2");
  }

  @Test
  void serverSideApplyFromKubectlCreatesTheObjectOwnedByKubectl() throws IOException {
    Path manifest =
        Files.writeString(
            home.resolve("cm.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-kubectl, namespace: demo}\ndata: {a: b}\n");

    Result result = kubectl("apply", "--server-side", "-f", manifest.toString());

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(Api.managers(api.get("v1", "ConfigMap", "demo", "from-kubectl")))
        .containsExactly("kubectl/Apply");
  }

  @Test
  void scaleIsDriftOwnedByKubectlScale() {
    api.apply("meshplay-gitops", DEPLOYMENT.replace("name: web,", "name: scaled,"));

    Result result = kubectl("scale", "deploy", "scaled", "-n", "demo", "--replicas=4");

    assertThat(result.exit()).as(result.output()).isZero();
    var live = api.get("apps/v1", "Deployment", "demo", "scaled");
    assertThat(live.getAdditionalProperties().get("spec").toString()).contains("replicas=4");
    assertThat(Api.managers(live)).contains("meshplay-gitops/Apply", "kubectl/Update");
  }

  @Test
  void typedCreateIsRefusedAsProtobufWithAHint() {
    Result result = kubectl("create", "namespace", "typed");

    assertThat(result.exit()).isNotZero();
    assertThat(result.output()).contains("UnsupportedMediaType", "kubectl apply -f");
  }

  @Test
  void getAsYamlShowsManagedFields() {
    api.apply(
        "meshplay-gitops",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: demo}\ndata: {mode: fast}");

    Result result =
        kubectl("get", "cm", "-n", "demo", "settings", "-o", "yaml", "--show-managed-fields");

    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("managedFields:", "manager: meshplay-gitops", "operation: Apply", "f:mode: {}");
  }

  private static Result kubectl(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "kubectl",
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                home.resolve("cache").toString()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("HOME", home.toString());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Result(process.exitValue(), output.strip());
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean kubectlAvailable() {
    try {
      Process process =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Result(int exit, String output) {}
}
