package dev.meshplay.gitops.reconciler;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The stock {@code git daemon} serving every repository under one directory over {@code git://} on
 * the loopback, pushes included: a real Git server a fault proxy can sit in front of.
 */
final class GitDaemonServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private GitDaemonServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Serves {@code base}: {@code git://127.0.0.1:PORT/NAME} is the repository {@code base/NAME}. */
  static GitDaemonServer serve(Path base, Path log) throws IOException, InterruptedException {
    int port = freePort();
    Process process =
        new ProcessBuilder(
                "git",
                "daemon",
                "--reuseaddr",
                "--export-all",
                "--enable=receive-pack",
                "--informative-errors",
                "--listen=127.0.0.1",
                "--port=" + port,
                "--base-path=" + base,
                base.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    GitDaemonServer server = new GitDaemonServer(process, port);
    server.awaitListening(Duration.ofSeconds(30));
    return server;
  }

  int port() {
    return port;
  }

  /** The URL of {@code name} when reached through {@code viaPort} (this server's or a proxy's). */
  static String url(int viaPort, String name) {
    return "git://127.0.0.1:" + viaPort + "/" + name;
  }

  private void awaitListening(Duration limit) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("git daemon exited with " + process.exitValue());
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("git daemon did not listen on port " + port + " within " + limit);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    process.waitFor();
  }
}
