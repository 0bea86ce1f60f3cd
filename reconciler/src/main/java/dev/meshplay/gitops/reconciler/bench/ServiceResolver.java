package dev.meshplay.gitops.reconciler.bench;

import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.profile.Target;
import dev.meshplay.gitops.perf.result.Environment;
import java.net.URI;
import java.util.Optional;

/** Finds a benchmark's Service target in one cluster and an address this process can reach. */
public interface ServiceResolver {

  /** The cluster's name, for messages. */
  String cluster();

  /**
   * @return empty when the cluster has no such Service
   * @throws LoadGeneratorException when the Service exists but cannot be reached (no such port, a
   *     port-forward that fails)
   */
  Optional<Resolved> resolve(Target.Service service) throws LoadGeneratorException;

  /**
   * A reachable base address ({@code scheme://host:port}) for the Service, open until closed (a
   * port-forward lives that long), and the cluster's version and nodes for the result.
   */
  interface Resolved extends AutoCloseable {
    URI base();

    Environment.Cluster cluster();

    @Override
    void close();
  }
}
