package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.reconciler.cli.ApplyCommand;
import dev.meshplay.gitops.reconciler.cli.BenchCommand;
import dev.meshplay.gitops.reconciler.cli.DemoCommand;
import dev.meshplay.gitops.reconciler.cli.ExportCommand;
import dev.meshplay.gitops.reconciler.cli.PlanCommand;
import dev.meshplay.gitops.reconciler.cli.ServeCommand;
import dev.meshplay.gitops.reconciler.cli.ValidateCommand;
import dev.meshplay.gitops.reconciler.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point. Exit codes: 0 success, 1 a failure the message explains (bad config, unreachable
 * cluster), 2 wrong usage.
 */
@Command(
    name = "meshplay-gitops",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "GitOps for Meshery designs: render, validate, apply, and watch for drift.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      ValidateCommand.class,
      BenchCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failure (the message names the file, setting or object)",
      "2:wrong usage"
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    quietLibraryLogging();
    System.exit(commandLine().execute(args));
  }

  // Helidon and the JDK log through java.util.logging at INFO; users need their warnings only.
  private static void quietLibraryLogging() {
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    for (java.util.logging.Handler handler : root.getHandlers()) {
      handler.setLevel(java.util.logging.Level.WARNING);
    }
  }

  /** The command line with its error handling, shared with tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message =
              e instanceof ConfigException
                  ? e.getMessage()
                  : e.getClass().getSimpleName() + ": " + e.getMessage();
          commandLine.getErr().println("error: " + message);
          return 1;
        });
    return cli;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"meshplay-gitops " + (version == null ? "development" : version)};
    }
  }
}
