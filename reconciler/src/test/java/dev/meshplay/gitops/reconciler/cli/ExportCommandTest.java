package dev.meshplay.gitops.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.Main;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path tmp;

  @Test
  void withoutAClusterExportIsAUsageError() {
    Run run = run("export");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("export reads a real cluster: pass --kubeconfig FILE");
  }

  @Test
  void withoutOutTheFilesArePrintedWithTheirPaths() {
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      sandbox.client().namespaces().resource(namespace("shop")).create();
      sandbox.client().configMaps().inNamespace("shop").resource(configMap()).create();
      Path kubeconfig = sandbox.writeKubeconfig(tmp.resolve("kubeconfig"));

      Run run = run("export", "--kubeconfig", kubeconfig.toString(), "--namespace", "shop");

      assertThat(run.code()).as(run.err()).isEqualTo(0);
      assertThat(run.out()).startsWith("# designs/shop.yaml\n").contains("displayName: settings");
      assertThat(run.err()).contains("Exported 2 object(s)");
    }
  }

  @Test
  void anUnknownNamespaceIsAnErrorNamingIt() {
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      Path kubeconfig = sandbox.writeKubeconfig(tmp.resolve("kubeconfig"));

      Run run = run("export", "--kubeconfig", kubeconfig.toString(), "-n", "nope");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).contains("error: --namespace nope: no such namespace in the cluster");
    }
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ConfigMap configMap() {
    return new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata()
        .withName("settings")
        .endMetadata()
        .addToData("greeting", "hello")
        .build();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
