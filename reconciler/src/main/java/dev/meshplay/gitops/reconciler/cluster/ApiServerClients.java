package dev.meshplay.gitops.reconciler.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Builds the daemon's fabric8 clients, so every one honours the API server's Retry-After. */
public final class ApiServerClients {
  private ApiServerClients() {}

  /** A client for {@code config}. */
  public static KubernetesClient of(Config config) {
    return builder().withConfig(config).build();
  }

  /** A client configured from the environment (in a pod: its service account). */
  public static KubernetesClient fromEnvironment() {
    return builder().build();
  }

  private static KubernetesClientBuilder builder() {
    return new KubernetesClientBuilder()
        .withHttpClientBuilderConsumer(
            http ->
                http.addOrReplaceInterceptor(
                    RetryAfterInterceptor.NAME, new RetryAfterInterceptor()));
  }
}
