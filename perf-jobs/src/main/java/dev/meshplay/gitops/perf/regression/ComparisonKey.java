package dev.meshplay.gitops.perf.regression;

import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Which runs may be compared: the same profile (id, generator, load model and options, labels) in
 * the same class of environment (cores, memory in GiB, operating system, and the target cluster's
 * version and node count). The host name is left out, so a rescheduled pod still compares with its
 * predecessors.
 */
public final class ComparisonKey {

  private ComparisonKey() {}

  /** A short hex digest naming the profile hash and the environment class of {@code result}. */
  public static String of(BenchmarkResult result) {
    var e = result.environment();
    String text =
        String.join(
            "\n",
            result.testId(),
            result.loadGenerator(),
            result.loadModel().name(),
            new TreeMap<>(result.generatorOptions()).toString(),
            new TreeMap<>(result.labels()).toString(),
            e.cores() + " cores",
            Math.round(e.memoryMb() / 1024.0) + " GiB",
            e.os(),
            e.kubernetes()
                .map(c -> "kubernetes " + c.version() + ", " + c.nodes().size() + " nodes")
                .orElse("no cluster"));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
