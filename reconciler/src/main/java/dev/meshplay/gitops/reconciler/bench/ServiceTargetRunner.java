package dev.meshplay.gitops.reconciler.bench;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.Target;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Runs profiles whose target is a Service of a design: the first cluster (in configuration order)
 * that has the Service gives a reachable address, the endpoints are rebased onto it for the run,
 * and the result records that cluster's version and nodes. URL targets run unchanged.
 */
public final class ServiceTargetRunner implements BenchmarkRunner {
  private final BenchmarkRunner runner;
  private final List<ServiceResolver> clusters;

  public ServiceTargetRunner(BenchmarkRunner runner, List<ServiceResolver> clusters) {
    this.runner = runner;
    this.clusters = List.copyOf(clusters);
  }

  @Override
  public BenchmarkResult run(BenchmarkProfile profile, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    if (!(profile.target() instanceof Target.Service service)) {
      return runner.run(profile, progress);
    }
    for (ServiceResolver cluster : clusters) {
      Optional<ServiceResolver.Resolved> found = cluster.resolve(service);
      if (found.isPresent()) {
        try (ServiceResolver.Resolved resolved = found.get()) {
          List<URI> endpoints =
              profile.endpoints().stream().map(e -> rebase(e, resolved.base())).toList();
          return runner
              .run(profile.withEndpoints(endpoints), progress)
              .withKubernetes(resolved.cluster());
        }
      }
    }
    throw new LoadGeneratorException(
        service.describe()
            + " (target of "
            + profile.name()
            + ") was not found in any cluster: "
            + clusters.stream().map(ServiceResolver::cluster).toList());
  }

  /** The endpoint's path and query on the reachable address. */
  static URI rebase(URI endpoint, URI base) {
    String path =
        endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty()
            ? "/"
            : endpoint.getRawPath();
    String query = endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery();
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + query);
  }
}
