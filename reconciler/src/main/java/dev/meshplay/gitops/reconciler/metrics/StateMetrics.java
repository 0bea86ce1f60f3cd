package dev.meshplay.gitops.reconciler.metrics;

import dev.meshplay.gitops.perf.regression.Verdict;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Gauges computed from the status store and benchmark results when Prometheus scrapes: the last
 * pass's objects by action, drift and design states, and each profile's latest benchmark.
 */
public final class StateMetrics {
  private StateMetrics() {}

  public static void register(
      PrometheusRegistry registry, StatusStore store, BenchmarkResults benchmarks) {
    GaugeWithCallback.builder()
        .name("meshplay_gitops_objects")
        .help("Objects of the last pass of a source into a cluster, by what the pass did")
        .labelNames("source", "cluster", "action")
        .callback(
            cb ->
                forEachCluster(
                    store,
                    (s, c) -> {
                      Map<Action, Integer> counts = new EnumMap<>(Action.class);
                      for (Action a : Action.values()) {
                        counts.put(a, 0);
                      }
                      objects(c).forEach(o -> counts.merge(o.action(), 1, Integer::sum));
                      counts.forEach((a, n) -> cb.call(n, s.name(), c.cluster(), lower(a.name())));
                    }))
        .register(registry);
    GaugeWithCallback.builder()
        .name("meshplay_gitops_drifted_objects")
        .help("Objects that had drifted from Git in the last pass (repaired or reported)")
        .labelNames("source", "cluster")
        .callback(
            cb ->
                forEachCluster(
                    store,
                    (s, c) ->
                        cb.call(
                            objects(c).filter(StateMetrics::drifted).count(),
                            s.name(),
                            c.cluster())))
        .register(registry);
    GaugeWithCallback.builder()
        .name("meshplay_gitops_designs")
        .help("Designs of a source in a cluster, by status")
        .labelNames("source", "cluster", "status")
        .callback(
            cb ->
                forEachCluster(
                    store,
                    (s, c) -> {
                      for (DesignState state : DesignState.values()) {
                        long n = c.designs().stream().filter(d -> d.state() == state).count();
                        cb.call(n, s.name(), c.cluster(), state.label());
                      }
                    }))
        .register(registry);
    benchmark(
        registry,
        benchmarks,
        "meshplay_gitops_benchmark_latency_p50_seconds",
        "Median latency of the latest run of a benchmark profile",
        r -> r.latencies().p50() / 1000);
    benchmark(
        registry,
        benchmarks,
        "meshplay_gitops_benchmark_latency_p99_seconds",
        "99th percentile latency of the latest run of a benchmark profile",
        r -> r.latencies().p99() / 1000);
    benchmark(
        registry,
        benchmarks,
        "meshplay_gitops_benchmark_requests_per_second",
        "Achieved request rate of the latest run of a benchmark profile",
        r -> r.actualQps());
    benchmark(
        registry,
        benchmarks,
        "meshplay_gitops_benchmark_passed",
        "1 if the latest run of a benchmark profile met its thresholds, else 0",
        r -> r.passed() ? 1 : 0);
    GaugeWithCallback.builder()
        .name("meshplay_gitops_benchmark_verdict")
        .help(
            "1 for the verdict of the latest judged run of a benchmark profile against its"
                + " baseline, 0 for the other verdicts")
        .labelNames("source", "profile", "verdict")
        .callback(
            cb -> {
              for (BenchmarkResults.ProfileStatus p : benchmarks.profiles()) {
                if (p.verdict() != null) {
                  for (Verdict.Kind kind : Verdict.Kind.values()) {
                    cb.call(
                        kind == p.verdict().kind() ? 1 : 0, p.source(), p.profileId(), kind.word());
                  }
                }
              }
            })
        .register(registry);
  }

  private static void benchmark(
      PrometheusRegistry registry,
      BenchmarkResults benchmarks,
      String name,
      String help,
      ToDoubleFunction<BenchmarkResult> value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("source", "profile")
        .callback(
            cb -> {
              for (BenchmarkResults.ProfileStatus p : benchmarks.profiles()) {
                if (!p.recent().isEmpty()) {
                  BenchmarkResult last = p.recent().get(p.recent().size() - 1);
                  cb.call(value.applyAsDouble(last), p.source(), p.profileId());
                }
              }
            })
        .register(registry);
  }

  private interface ClusterVisitor {
    void visit(SourceStatus source, ClusterStatus cluster);
  }

  private static void forEachCluster(StatusStore store, ClusterVisitor visitor) {
    for (SourceStatus s : store.sources()) {
      for (ClusterStatus c : s.clusters()) {
        visitor.visit(s, c);
      }
    }
  }

  private static java.util.stream.Stream<ObjectStatus> objects(ClusterStatus c) {
    return c.designs().stream().map(DesignStatus::objects).flatMap(java.util.List::stream);
  }

  static boolean drifted(ObjectStatus o) {
    return !o.drift().isEmpty() || o.action() == Action.DRIFTED;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
