package dev.meshplay.gitops.reconciler.load;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A {@link SandboxServer} child JVM: its address, request counts and CPU time. */
public final class SandboxProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;
  private final String url;

  private SandboxProcess(Process process) throws IOException {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.url = line("url ");
  }

  public static SandboxProcess start(String maxHeap) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(), "-Xmx" + maxHeap, "-cp", classpath(), SandboxServer.class.getName());
    return new SandboxProcess(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
  }

  public KubernetesClient client() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withNamespace("default")
            .withHttp2Disable(true)
            .withRequestTimeout(120_000)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** Requests answered so far, by verb ({@code WATCH} for watches). */
  public synchronized Map<String, Long> requestCounts() throws IOException {
    in.println("counts");
    String line = line("counts ");
    Map<String, Long> counts = new TreeMap<>();
    for (String pair : line.substring("counts ".length()).split(" ")) {
      if (pair.contains("=")) {
        String[] kv = pair.split("=");
        counts.put(kv[0], Long.parseLong(kv[1]));
      }
    }
    return counts;
  }

  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private String line(String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.equals("url ") ? prefix.length() : 0);
      }
    }
    throw new IOException("the sandbox process ended before printing '" + prefix + "'");
  }

  // exec:java runs us in a class loader of its own: its URLs are the test classpath.
  private static String classpath() {
    if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
      return Arrays.stream(loader.getURLs())
          .map(u -> new File(u.getPath()).getPath())
          .collect(Collectors.joining(File.pathSeparator));
    }
    return System.getProperty("java.class.path");
  }

  @Override
  public void close() {
    in.close();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
