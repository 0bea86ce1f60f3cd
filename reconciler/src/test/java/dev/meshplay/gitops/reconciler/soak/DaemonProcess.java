package dev.meshplay.gitops.reconciler.soak;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged daemon ({@code serve --config}) as a child JVM, so that what is measured is the
 * daemon alone and not the test, its sandbox or its demo target. Output goes to {@code daemon.log}
 * beside the config.
 */
public final class DaemonProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private DaemonProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts {@code jar} with {@code serve.yaml} written into {@code dir}; {@code configBody} is the
   * config without {@code port}, which is chosen here.
   */
  public static DaemonProcess start(Path jar, Path dir, String configBody, String maxHeap)
      throws IOException {
    int port = freePort();
    Path config = dir.resolve("serve.yaml");
    Files.writeString(config, "host: 127.0.0.1\nport: " + port + "\n" + configBody);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx" + maxHeap,
            "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow",
            "-jar",
            jar.toAbsolutePath().toString(),
            "serve",
            "--config",
            config.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("daemon.log").toFile())
            .start();
    return new DaemonProcess(process, port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM as an operator would, then SIGKILL if it does not stop. */
  @Override
  public void close() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
