package dev.meshplay.gitops.reconciler.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures another JVM from outside, as an operator would: {@code jcmd GC.run} then {@code
 * GC.heap_info} for the heap after a full GC, and {@code /proc/<pid>} for RSS, threads and file
 * descriptors (Linux only).
 */
public final class ProcessProbe {
  private static final Pattern HEAP_USED = Pattern.compile("heap .*?used (\\d+)K");
  private static final Pattern STATUS_FIELD = Pattern.compile("(?m)^(\\w+):\\s+(\\d+)");

  private final long pid;
  private final Path jcmd;

  public ProcessProbe(long pid) {
    this.pid = pid;
    this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
  }

  public Sample sample(double seconds) throws IOException, InterruptedException {
    jcmd("GC.run");
    long heap = heapUsed(jcmd("GC.heap_info"));
    String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    Map<String, Long> fds = fdKinds();
    long packs =
        fds.entrySet().stream()
            .filter(e -> e.getKey().endsWith("/*.pack"))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new Sample(
        seconds,
        heap,
        statusField(status, "VmRSS") * 1024,
        (int) statusField(status, "Threads"),
        (int) fds.values().stream().mapToLong(Long::longValue).sum(),
        (int) packs);
  }

  /**
   * The open descriptors by what they point at: {@code socket}, {@code pipe}, {@code anon_inode},
   * or a file's directory and extension ({@code …/objects/pack/*.pack}), most first; to tell what
   * grew when descriptors do.
   */
  public Map<String, Long> fdKinds() throws IOException {
    Map<String, Long> kinds = new TreeMap<>();
    try (Stream<Path> open = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : open.toList()) {
        try {
          kinds.merge(kind(Files.readSymbolicLink(fd).toString()), 1L, Long::sum);
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed between listing and reading it
        }
      }
    }
    return kinds;
  }

  static String kind(String target) {
    if (target.contains(":[") || !target.startsWith("/")) {
      return target.replaceAll("[:\\[].*", "");
    }
    int slash = target.lastIndexOf('/');
    String name = target.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    return target.substring(0, slash + 1) + (dot > 0 ? "*" + name.substring(dot) : name);
  }

  static long heapUsed(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    if (!m.find()) {
      throw new IllegalStateException("no heap use in jcmd GC.heap_info: " + heapInfo);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  static long statusField(String status, String name) {
    Matcher m = STATUS_FIELD.matcher(status);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Long.parseLong(m.group(2));
      }
    }
    throw new IllegalStateException("no " + name + " in /proc/<pid>/status");
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }
}
