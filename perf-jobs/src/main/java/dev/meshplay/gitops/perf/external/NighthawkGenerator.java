package dev.meshplay.gitops.perf.external;

import dev.meshplay.gitops.perf.load.LoadGenerator;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ProgressListener;

/**
 * Nighthawk is recognised so that a profile naming it is accepted and a missing binary is
 * explained; reading its JSON output into a result is not done yet, and a run says so.
 */
final class NighthawkGenerator implements LoadGenerator {

  @Override
  public String name() {
    return "nighthawk";
  }

  @Override
  public Measurement run(LoadSpec spec, ProgressListener progress) throws LoadGeneratorException {
    ProcessRunner.require(
        "nighthawk_client",
        "nighthawk",
        "Nighthawk has no Debian package: build it from source (envoyproxy/nighthawk) and put"
            + " nighthawk_client on PATH");
    throw new LoadGeneratorException(
        "reading Nighthawk's output is not supported yet: use the builtin generator (open loop,"
            + " corrected for coordinated omission), wrk2 or fortio");
  }
}
