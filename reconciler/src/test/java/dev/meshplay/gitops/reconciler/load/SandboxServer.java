package dev.meshplay.gitops.reconciler.load;

import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * A sandbox in a process of its own, so that a benchmark's CPU and heap figures are the daemon's
 * alone. Prints {@code url URL}; answers each {@code counts} line on stdin with {@code counts
 * VERB=N ...}; stops when stdin closes. Started by {@link SandboxProcess}.
 */
public final class SandboxServer {
  private SandboxServer() {}

  public static void main(String[] args) throws Exception {
    try (SandboxCluster sandbox = SandboxCluster.start();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      System.out.println("url " + sandbox.url());
      System.out.flush();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals("counts")) {
          System.out.println(
              "counts "
                  + sandbox.requestCounts().entrySet().stream()
                      .map(e -> e.getKey() + "=" + e.getValue())
                      .collect(Collectors.joining(" ")));
          System.out.flush();
        }
      }
    }
  }
}
