package dev.meshplay.gitops.reconciler;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every write request (POST, PUT, PATCH, DELETE) a replica sends to a target cluster, with the time
 * it left and the time its answer came: what a test needs to show two replicas never wrote to one
 * cluster at the same time.
 */
final class WriteLog {
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  /** One write, from sending to the answer (nanoTime). */
  record Write(String replica, String cluster, String method, long sent, long answered) {}

  private final List<Write> writes = new CopyOnWriteArrayList<>();

  /** A client of {@code cluster} for {@code replica} whose writes land in this log. */
  KubernetesClient client(String replica, String cluster, URI url) {
    // One replica writes to one cluster from one worker thread, one request at a time.
    java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    Interceptor recorder =
        new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            if (WRITES.contains(request.method())) {
              sent.set(System.nanoTime());
            }
          }

          @Override
          public void after(
              HttpRequest request,
              HttpResponse<?> response,
              AsyncBody.Consumer<List<ByteBuffer>> consumer) {
            if (WRITES.contains(request.method())) {
              writes.add(
                  new Write(replica, cluster, request.method(), sent.get(), System.nanoTime()));
            }
          }
        };
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(Config.empty())
                .withMasterUrl(url.toString())
                .withRequestRetryBackoffLimit(0)
                .build())
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("write-log", recorder))
        .build();
  }

  List<Write> of(String cluster) {
    return writes.stream()
        .filter(w -> w.cluster().equals(cluster))
        .sorted(java.util.Comparator.comparingLong(Write::sent))
        .toList();
  }
}
