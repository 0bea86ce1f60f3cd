package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.controllers.RolloutSimulator;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-process Kubernetes API emulator for the demo and tests: fabric8's CRUD mock server with
 * server-side apply, managedFields, strategic merge patch, dry runs and enough discovery for
 * kubectl, over plain HTTP on 127.0.0.1. Real clusters are reached through a kubeconfig instead.
 */
public final class SandboxCluster implements AutoCloseable {
  /** Held so the level sticks: the mock web server logs every request at INFO otherwise. */
  private static final Logger REQUEST_LOG = Logger.getLogger(MockWebServer.class.getName());

  private final KubernetesMockServer server;
  private final URI url;
  private final KubernetesClient client;
  private final AtomicBoolean closed = new AtomicBoolean();
  private RolloutSimulator simulator;

  private final RequestLogTrimmer requests;

  private SandboxCluster(KubernetesMockServer server, URI url, RequestLogTrimmer requests) {
    this.server = server;
    this.requests = requests;
    this.url = url;
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url.toString())
            .withNamespace("default")
            .withHttp2Disable(true)
            .build();
    this.client = new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Starts a sandbox on a free port of 127.0.0.1. */
  public static SandboxCluster start() {
    return start(0);
  }

  /** Starts a sandbox on the given port of 127.0.0.1 (0 picks a free one). */
  public static SandboxCluster start(int port) {
    REQUEST_LOG.setLevel(Level.WARNING);
    MockWebServer web = new MockWebServer();
    SandboxDispatcher dispatcher = new SandboxDispatcher(Clock.systemUTC());
    RequestLogTrimmer requests = new RequestLogTrimmer(dispatcher, web);
    KubernetesMockServer server =
        new KubernetesMockServer(new Context(), web, new HashMap<>(), requests, false);
    InetAddress loopback = loopback();
    server.start(loopback, port);
    return new SandboxCluster(server, URI.create("http://127.0.0.1:" + server.getPort()), requests);
  }

  /**
   * Starts simulated controllers: workloads report their rollout finished, jobs complete, claims
   * bound and CRDs established shortly after each change, so that health checks have something to
   * read. Off by default, so conformance tests see only what they wrote.
   */
  public synchronized SandboxCluster simulateControllers() {
    if (simulator == null) {
      simulator = RolloutSimulator.start(client);
    }
    return this;
  }

  /**
   * How many requests this sandbox has answered, by HTTP method ({@code WATCH} for watches): what
   * benchmarks count to show how much a client asks of an API server.
   */
  public java.util.Map<String, Long> requestCounts() {
    return requests.counts();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
  public URI url() {
    return url;
  }

  /** A client for this sandbox (default namespace {@code default}); closed by {@link #close()}. */
  public KubernetesClient client() {
    return client;
  }

  /**
   * Writes a kubeconfig whose cluster, context and user are all named {@code sandbox}, so that
   * {@code kubectl --kubeconfig FILE get deploy -A} talks to this sandbox.
   *
   * @return {@code file}
   */
  public Path writeKubeconfig(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, Kubeconfig.of(url));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sandbox kubeconfig " + file, e);
    }
  }

  /** Closes the client and stops the server; later calls do nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      if (simulator != null) {
        simulator.close();
      }
      client.close();
      server.destroy();
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("127.0.0.1 is not an address", e);
    }
  }
}
