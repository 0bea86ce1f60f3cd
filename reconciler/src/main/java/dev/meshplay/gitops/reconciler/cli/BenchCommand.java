package dev.meshplay.gitops.reconciler.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Performance benchmarks: {@code bench run FILE}. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run performance profiles (Meshery performance profiles or SMP test configs).",
    subcommands = {BenchRunCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }
}
