package dev.meshplay.gitops.reconciler.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends a request again no sooner than the API server's {@code Retry-After} asks, on a 429 or 5xx
 * answer that carries one. fabric8 8.0 reads the header but schedules its retry after its own
 * backoff (100 ms by default), so an API server shedding load with 429 got the request back at
 * once. Later failures still go through fabric8's own exponential backoff.
 */
final class RetryAfterInterceptor implements Interceptor {
  static final String NAME = "meshplay-retry-after";

  @Override
  public CompletableFuture<Boolean> afterFailure(
      BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
    Optional<Duration> wait = waitAsked(response);
    if (wait.isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    return CompletableFuture.supplyAsync(
        () -> true,
        CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS));
  }

  static Optional<Duration> waitAsked(HttpResponse<?> response) {
    int code = response.code();
    if (code != 429 && code < 500) {
      return Optional.empty();
    }
    return RetryAfter.parse(response.header("Retry-After"), Instant.now());
  }
}
