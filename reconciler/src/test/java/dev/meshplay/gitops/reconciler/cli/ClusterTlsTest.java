package dev.meshplay.gitops.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients {@code serve} builds verify the API server's certificate and host name unless the
 * kubeconfig itself says {@code insecure-skip-tls-verify: true}.
 */
class ClusterTlsTest {
  @TempDir Path tmp;

  @Test
  void certificatesAndHostNamesAreVerifiedByDefault() throws Exception {
    try (KubernetesClient client = ServeCommand.client(cluster(""))) {
      Config config = client.getConfiguration();

      assertThat(config.isTrustCerts()).isFalse();
      assertThat(config.isDisableHostnameVerification()).isFalse();
    }
  }

  @Test
  void onlyTheKubeconfigsOwnSettingTurnsVerificationOff() throws Exception {
    try (KubernetesClient client =
        ServeCommand.client(cluster("    insecure-skip-tls-verify: true\n"))) {
      assertThat(client.getConfiguration().isTrustCerts()).isTrue();
    }
  }

  private ClusterConfig cluster(String extra) throws Exception {
    Path kubeconfig =
        Files.writeString(
            tmp.resolve("kubeconfig-" + extra.length()),
            """
            apiVersion: v1
            kind: Config
            clusters:
            - name: prod
              cluster:
                server: https://prod.example.invalid:6443
            %s\
            contexts:
            - name: prod
              context: {cluster: prod, user: admin}
            current-context: prod
            users:
            - name: admin
              user: {token: not-a-real-token}
            """
                .formatted(extra));
    return new ClusterConfig("prod", kubeconfig, null);
  }
}
