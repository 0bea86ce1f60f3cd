package dev.meshplay.gitops.perf;

import dev.meshplay.gitops.perf.external.ExternalGenerators;
import dev.meshplay.gitops.perf.load.LoadGenerator;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.NettyLoadGenerator;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.Environment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs profiles with the generator each names: the built-in one by default, wrk, wrk2, hey, fortio
 * or nighthawk by process when installed.
 */
public final class Benchmarks implements BenchmarkRunner {

  private final Map<String, LoadGenerator> generators = new HashMap<>();
  private final Supplier<Environment> environment;

  /**
   * @param generators the generators by {@link LoadGenerator#name()}
   * @param environment where runs happen; the daemon adds the target's cluster
   */
  public Benchmarks(List<LoadGenerator> generators, Supplier<Environment> environment) {
    generators.forEach(g -> this.generators.put(g.name(), g));
    this.environment = environment;
  }

  /** The built-in generator and every external one, on this host. */
  public static Benchmarks standard() {
    List<LoadGenerator> all = new java.util.ArrayList<>(ExternalGenerators.all());
    all.add(new NettyLoadGenerator());
    return new Benchmarks(all, Environment::local);
  }

  @Override
  public BenchmarkResult run(BenchmarkProfile profile, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    LoadGenerator generator = generators.get(profile.loadGenerator());
    if (generator == null) {
      throw new LoadGeneratorException(
          "no load generator named '"
              + profile.loadGenerator()
              + "' (known: "
              + generators.keySet().stream().sorted().toList()
              + ")");
    }
    Measurement measurement = generator.run(LoadSpec.of(profile), progress);
    return BenchmarkResult.of(profile, measurement, environment.get());
  }
}
