package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.policies.PolicyEngine;
import dev.meshplay.gitops.policies.sarif.SarifWriter;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.RenderedSet;
import dev.meshplay.gitops.render.ValidationMode;
import dev.meshplay.gitops.render.Validator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Renders and validates repositories, directories or files against the model registry, then runs
 * the policy pack, offline: {@code file:line:column: severity: message} lines like a compiler's,
 * JSON, or SARIF for code scanning.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate designs, kustomize directories and manifests offline.",
      "Renders them, checks them against the model registry and the policy pack.",
      "Exit 0: clean; 1: errors or deny findings."
    })
public final class ValidateCommand implements Callable<Integer> {
  /** How results are printed. */
  enum Output {
    text,
    json,
    sarif
  }

  static final class Mode {
    @Option(
        names = "--strict",
        description = "Unknown fields are errors; warnings count as errors.")
    boolean strict;

    @Option(names = "--lenient", description = "Unknown kinds are warnings, not errors.")
    boolean lenient;
  }

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Repositories, directories or files.")
  List<Path> paths;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
  Output output;

  @ArgGroup(exclusive = true)
  Mode mode;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Validator validator = Validator.kubernetes(mode());
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Findings> findings = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        diagnostics.add(Diagnostic.error(path.toString(), 0, 0, "no such file or directory"));
        continue;
      }
      RenderedSet rendered = validator.validate(path);
      diagnostics.addAll(rendered.diagnostics());
      PolicyEngine engine =
          Files.isDirectory(path) ? PolicyEngine.forRepository(path) : PolicyEngine.builtIn();
      findings.add(engine.evaluate(rendered));
    }
    Findings all = ValidationReport.merge(findings, diagnostics);
    out.print(
        switch (output) {
          case text -> ValidationReport.text(all);
          case json -> ValidationReport.json(all);
          case sarif -> new SarifWriter(version()).write(all);
        });
    out.flush();
    boolean failed =
        all.diagnostics().stream().anyMatch(Diagnostic::isError)
            || all.findings().stream().anyMatch(f -> f.blocks());
    return failed ? 1 : 0;
  }

  private ValidationMode mode() {
    if (mode == null) {
      return ValidationMode.DEFAULT;
    }
    return mode.strict ? ValidationMode.STRICT : ValidationMode.LENIENT;
  }

  private static String version() {
    String version = ValidateCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
