package dev.meshplay.gitops.sandbox;

import java.net.URI;

/** The kubeconfig text for a sandbox: cluster, context and user all named {@code sandbox}. */
final class Kubeconfig {
  private Kubeconfig() {}

  static String of(URI server) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: sandbox
          cluster:
            server: %s
        contexts:
        - name: sandbox
          context:
            cluster: sandbox
            user: sandbox
            namespace: default
        current-context: sandbox
        users:
        - name: sandbox
          user: {}
        preferences: {}
        """
        .formatted(server);
  }
}
