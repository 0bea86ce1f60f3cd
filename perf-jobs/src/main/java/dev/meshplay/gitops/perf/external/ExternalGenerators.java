package dev.meshplay.gitops.perf.external;

import dev.meshplay.gitops.perf.load.LoadGenerator;
import java.util.List;

/** The generators run by process: each finds its binary on PATH when a run starts. */
public final class ExternalGenerators {

  private ExternalGenerators() {}

  /** wrk, wrk2, hey, fortio and nighthawk. */
  public static List<LoadGenerator> all() {
    return List.of(
        WrkGenerator.wrk(),
        WrkGenerator.wrk2(),
        new HeyGenerator(),
        new FortioGenerator(),
        new NighthawkGenerator());
  }
}
