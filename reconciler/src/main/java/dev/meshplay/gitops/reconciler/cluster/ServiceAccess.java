package dev.meshplay.gitops.reconciler.cluster;

import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.profile.Target;
import dev.meshplay.gitops.perf.result.Environment;
import dev.meshplay.gitops.reconciler.bench.ServiceResolver;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reaches a benchmark's Service target in one cluster, in this order: the address of a
 * LoadBalancer's ingress; the in-cluster DNS name when the daemon runs in a pod; otherwise a
 * port-forward through the API server, open for the run.
 */
public final class ServiceAccess implements ServiceResolver {
  private final String cluster;
  private final KubernetesClient client;
  private final boolean inCluster;

  public ServiceAccess(String cluster, KubernetesClient client) {
    this(cluster, client, System.getenv("KUBERNETES_SERVICE_HOST") != null);
  }

  ServiceAccess(String cluster, KubernetesClient client, boolean inCluster) {
    this.cluster = cluster;
    this.client = client;
    this.inCluster = inCluster;
  }

  @Override
  public String cluster() {
    return cluster;
  }

  @Override
  public Optional<Resolved> resolve(Target.Service target) throws LoadGeneratorException {
    Service service;
    try {
      service = client.services().inNamespace(target.namespace()).withName(target.name()).get();
    } catch (KubernetesClientException e) {
      throw new LoadGeneratorException(
          cluster + ": cannot read " + target.describe() + ": " + e.getMessage(), e);
    }
    if (service == null) {
      return Optional.empty();
    }
    ServicePort port = port(service, target);
    Environment.Cluster facts = facts();
    Optional<String> ingress = ingress(service);
    if (ingress.isPresent()) {
      return Optional.of(open(URI.create("http://" + ingress.get() + ":" + port.getPort()), facts));
    }
    if (inCluster) {
      URI dns = target.clusterUri();
      return Optional.of(open(URI.create("http://" + dns.getRawAuthority()), facts));
    }
    return Optional.of(forward(target, port, facts));
  }

  private ServicePort port(Service service, Target.Service target) throws LoadGeneratorException {
    List<ServicePort> ports = service.getSpec() == null ? List.of() : service.getSpec().getPorts();
    for (ServicePort port : ports) {
      if (port.getPort() != null && port.getPort() == target.port()) {
        return port;
      }
    }
    throw new LoadGeneratorException(
        cluster
            + ": "
            + target.describe()
            + " has no port "
            + target.port()
            + " (it has "
            + ports.stream().map(ServicePort::getPort).toList()
            + ")");
  }

  private static Optional<String> ingress(Service service) {
    if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null) {
      return Optional.empty();
    }
    List<LoadBalancerIngress> ingress = service.getStatus().getLoadBalancer().getIngress();
    if (ingress == null) {
      return Optional.empty();
    }
    return ingress.stream()
        .map(i -> i.getIp() != null ? i.getIp() : i.getHostname())
        .filter(a -> a != null && !a.isBlank())
        .findFirst();
  }

  private Resolved forward(Target.Service target, ServicePort port, Environment.Cluster facts)
      throws LoadGeneratorException {
    try {
      LocalPortForward forward =
          client
              .services()
              .inNamespace(target.namespace())
              .withName(target.name())
              .portForward(port.getPort());
      URI base = URI.create("http://127.0.0.1:" + forward.getLocalPort());
      return new Open(base, facts, forward);
    } catch (KubernetesClientException e) {
      throw new LoadGeneratorException(
          cluster + ": cannot port-forward to " + target.describe() + ": " + e.getMessage(), e);
    }
  }

  private static Resolved open(URI base, Environment.Cluster facts) {
    return new Open(base, facts, null);
  }

  /** The cluster's version and every node's allocatable CPU and memory; unknown parts left out. */
  private Environment.Cluster facts() {
    String version;
    try {
      version = client.getKubernetesVersion().getGitVersion();
    } catch (KubernetesClientException | NullPointerException e) {
      version = "unknown";
    }
    List<Environment.Node> nodes;
    try {
      nodes = client.nodes().list().getItems().stream().map(ServiceAccess::node).toList();
    } catch (KubernetesClientException e) {
      nodes = List.of(); // RBAC may forbid listing nodes: the run is still worth keeping
    }
    return new Environment.Cluster(version == null ? "unknown" : version, nodes);
  }

  private static Environment.Node node(Node node) {
    Map<String, Quantity> allocatable =
        node.getStatus() == null || node.getStatus().getAllocatable() == null
            ? Map.of()
            : node.getStatus().getAllocatable();
    Quantity cpu = allocatable.get("cpu");
    Quantity memory = allocatable.get("memory");
    return new Environment.Node(
        node.getMetadata().getName(),
        cpu == null ? 0 : cpu.getNumericalAmount().doubleValue(),
        memory == null ? 0 : memory.getNumericalAmount().longValue() >> 20);
  }

  private record Open(URI base, Environment.Cluster cluster, LocalPortForward forward)
      implements Resolved {
    @Override
    public void close() {
      if (forward != null) {
        try {
          forward.close();
        } catch (IOException e) {
          // The run is over; a forward that fails to close leaks one local port at most.
        }
      }
    }
  }
}
