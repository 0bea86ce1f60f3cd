package dev.meshplay.gitops.reconciler.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;

/**
 * The daemon's event metrics: counted by the loop through {@link LoopMetrics}. State metrics
 * (drift, objects, designs, benchmarks) are read from status at scrape time by {@link
 * StateMetrics}, so they can never disagree with the page.
 */
public final class GitOpsMetrics implements LoopMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Clock clock;
  private final Counter syncRuns;
  private final Histogram syncDuration;
  private final Gauge lastSuccess;
  private final Histogram pollDuration;
  private final Counter pollErrors;
  private final Counter designsRendered;

  public GitOpsMetrics(Clock clock) {
    this.clock = clock;
    syncRuns =
        Counter.builder()
            .name("meshplay_gitops_sync_runs_total")
            .help("Reconcile passes of a source into a cluster, by outcome")
            .labelNames("source", "cluster", "outcome")
            .register(registry);
    syncDuration =
        Histogram.builder()
            .name("meshplay_gitops_sync_duration_seconds")
            .help("How long one reconcile pass of a source into a cluster took")
            .unit(Unit.SECONDS)
            .classicOnly()
            .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
            .labelNames("source", "cluster")
            .register(registry);
    lastSuccess =
        Gauge.builder()
            .name("meshplay_gitops_last_successful_sync_timestamp_seconds")
            .help("Unix time of the last pass that applied every design of a source in a cluster")
            .unit(Unit.SECONDS)
            .labelNames("source", "cluster")
            .register(registry);
    pollDuration =
        Histogram.builder()
            .name("meshplay_gitops_git_poll_duration_seconds")
            .help("How long one poll of a Git source took")
            .unit(Unit.SECONDS)
            .classicOnly()
            .classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .labelNames("source")
            .register(registry);
    pollErrors =
        Counter.builder()
            .name("meshplay_gitops_git_poll_errors_total")
            .help("Polls of a Git source that failed")
            .labelNames("source")
            .register(registry);
    designsRendered =
        Counter.builder()
            .name("meshplay_gitops_designs_rendered_total")
            .help(
                "Designs rendered and validated anew for new commits of a source; designs whose"
                    + " input files did not change are kept from the previous commit")
            .labelNames("source")
            .register(registry);
    // Registered before any poll so an idle daemon still shows its JVM.
    JvmMetrics.builder().register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  @Override
  public void polled(String source, double seconds, boolean failed) {
    pollDuration.labelValues(source).observe(seconds);
    // Touch the counter either way, so a healthy source exports an explicit zero.
    pollErrors.labelValues(source).inc(failed ? 1 : 0);
  }

  @Override
  public void rendered(String source, int designs) {
    designsRendered.labelValues(source).inc(designs);
  }

  @Override
  public void synced(String source, String cluster, SyncOutcome outcome, double seconds) {
    syncRuns.labelValues(source, cluster, outcome.label()).inc();
    syncDuration.labelValues(source, cluster).observe(seconds);
    if (outcome == SyncOutcome.SYNCED) {
      lastSuccess.labelValues(source, cluster).set(clock.millis() / 1000.0);
    }
  }
}
