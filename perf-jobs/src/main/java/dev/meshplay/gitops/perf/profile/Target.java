package dev.meshplay.gitops.perf.profile;

import java.net.URI;

/** The system under test: results and baselines are kept per target. */
public sealed interface Target {

  /** A stable text naming the target, used as a result label. */
  String describe();

  /** A target reached at a URL (the demo target, or anything outside a cluster). */
  record Url(URI uri) implements Target {
    @Override
    public String describe() {
      return uri.toString();
    }
  }

  /**
   * A Service of a design in a cluster; the daemon resolves it to a reachable URL.
   *
   * @param design the design that owns the Service, or empty when not named
   */
  record Service(String namespace, String name, int port, String path, String design)
      implements Target {

    /** The in-cluster address, for generators that run inside the cluster network. */
    public URI clusterUri() {
      return URI.create("http://" + name + "." + namespace + ".svc:" + port + path);
    }

    @Override
    public String describe() {
      return "service/" + namespace + "/" + name + ":" + port;
    }
  }
}
