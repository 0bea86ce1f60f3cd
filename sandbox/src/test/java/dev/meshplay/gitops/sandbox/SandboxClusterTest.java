package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, addressing, describing (kubeconfig) and stopping a sandbox. */
class SandboxClusterTest {

  @Test
  void startsOnAFreeLoopbackPortOverPlainHttp() {
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      assertThat(sandbox.url().getScheme()).isEqualTo("http");
      assertThat(sandbox.url().getHost()).isEqualTo("127.0.0.1");
      assertThat(sandbox.url().getPort()).isPositive();
      assertThat(sandbox.client().getMasterUrl().toString()).startsWith(sandbox.url().toString());
    }
  }

  @Test
  void startsOnTheGivenPort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (SandboxCluster sandbox = SandboxCluster.start(port)) {
      assertThat(sandbox.url().toString()).isEqualTo("http://127.0.0.1:" + port);
    }
  }

  @Test
  void sandboxesAreIndependent() {
    try (SandboxCluster one = SandboxCluster.start();
        SandboxCluster two = SandboxCluster.start()) {
      one.client()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName("only-in-one")
                  .endMetadata()
                  .build())
          .create();

      assertThat(two.client().namespaces().withName("only-in-one").get()).isNull();
    }
  }

  @Test
  void writesAKubeconfigNamedSandboxPointingAtTheUrl(@TempDir Path dir) throws IOException {
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      Path file = sandbox.writeKubeconfig(dir.resolve("nested/kubeconfig"));

      String text = Files.readString(file);
      assertThat(text)
          .contains(
              "server: " + sandbox.url(),
              "current-context: sandbox",
              "- name: sandbox",
              "cluster: sandbox",
              "user: sandbox");
    }
  }

  @Test
  void closeStopsServingAndMayBeRepeated() {
    SandboxCluster sandbox = SandboxCluster.start();
    var url = sandbox.url();
    sandbox.close();
    sandbox.close();

    assertThatThrownBy(() -> new java.net.Socket(url.getHost(), url.getPort()).close())
        .isInstanceOf(IOException.class);
  }
}
