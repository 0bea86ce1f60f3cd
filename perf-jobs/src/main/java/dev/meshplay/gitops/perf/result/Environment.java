package dev.meshplay.gitops.perf.result;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a benchmark ran: the generator's host and, for a cluster target, the cluster.
 *
 * @param kubernetes the cluster of a Service target; empty for a URL target
 */
public record Environment(
    String hostname,
    int cores,
    long memoryMb,
    String os,
    String jvm,
    Optional<Cluster> kubernetes) {

  /** The cluster the target runs in, as the daemon reads it from the API server. */
  public record Cluster(String version, List<Node> nodes) {
    public Cluster {
      nodes = List.copyOf(nodes);
    }
  }

  /** One node's allocatable capacity. */
  public record Node(String name, double cores, long memoryMb) {}

  /** This JVM's host. */
  public static Environment local() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Environment(
        localHostname(),
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() >> 20,
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        Optional.empty());
  }

  /** This environment with the target's cluster. */
  public Environment withKubernetes(Cluster cluster) {
    return new Environment(hostname, cores, memoryMb, os, jvm, Optional.of(cluster));
  }

  /** A stable id of this environment: equal environments share it (SMP's {@code env_id}). */
  public String id() {
    String key =
        String.join(
            "|",
            hostname,
            Integer.toString(cores),
            Long.toString(memoryMb),
            os,
            jvm,
            kubernetes.map(Cluster::toString).orElse(""));
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String localHostname() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
