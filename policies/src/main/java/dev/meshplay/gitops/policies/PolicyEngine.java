package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.policies.expression.CompiledPolicy;
import dev.meshplay.gitops.policies.expression.PolicyCompiler;
import dev.meshplay.gitops.policies.policy.Policy;
import dev.meshplay.gitops.policies.policy.PolicyParser;
import dev.meshplay.gitops.policies.policy.PolicySource;
import dev.meshplay.gitops.policies.policy.RepositorySettings;
import dev.meshplay.gitops.policies.policy.RuleDisable;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.RenderedSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks rendered designs against CEL policies: the built-in pack, overridden or extended by a
 * repository's {@code policies/*.yaml}, minus the rules {@code meshplay.yaml} disables per design.
 * Built once per repository snapshot (compiling is the expensive part), then evaluated on each
 * render. Immutable and safe to share between threads.
 */
public final class PolicyEngine {
  private final Map<String, List<CompiledPolicy>> byKind;
  private final List<CompiledPolicy> anyKind;
  private final List<PolicyRule> rules;
  private final List<RuleDisable> disables;
  private final List<Diagnostic> diagnostics;

  private PolicyEngine(
      List<CompiledPolicy> policies, List<RuleDisable> disables, List<Diagnostic> diagnostics) {
    Map<String, List<CompiledPolicy>> kinds = new HashMap<>();
    List<CompiledPolicy> any = new ArrayList<>();
    for (CompiledPolicy p : policies) {
      if (p.policy().match().kinds().isEmpty()) {
        any.add(p);
      }
      p.policy()
          .match()
          .kinds()
          .forEach(k -> kinds.computeIfAbsent(k, x -> new ArrayList<>()).add(p));
    }
    this.byKind = kinds;
    this.anyKind = List.copyOf(any);
    this.rules = policies.stream().map(p -> p.policy().rule()).toList();
    this.disables = List.copyOf(disables);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The built-in pack alone. */
  public static PolicyEngine builtIn() {
    return create(PolicySource.builtInPack(), null, null, PolicyCompiler.DEFAULT_COST_LIMIT);
  }

  /**
   * The built-in pack plus the repository's {@code policies/*.yaml}, with the disables of its
   * {@code meshplay.yaml}.
   *
   * @throws UncheckedIOException when the repository cannot be read
   */
  public static PolicyEngine forRepository(Path repoRoot) {
    List<PolicySource> sources = new ArrayList<>(PolicySource.builtInPack());
    sources.addAll(PolicySource.repository(repoRoot));
    Path settings = repoRoot.resolve("meshplay.yaml");
    try {
      String text = Files.isRegularFile(settings) ? Files.readString(settings) : null;
      return create(sources, "meshplay.yaml", text, PolicyCompiler.DEFAULT_COST_LIMIT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + settings, e);
    }
  }

  /**
   * The pure core: policies from {@code sources} (a later policy replaces an earlier one with the
   * same id), disables from a {@code meshplay.yaml} text (null when there is none).
   *
   * @param costLimit evaluation steps one expression may take on one object
   */
  public static PolicyEngine create(
      List<PolicySource> sources, String settingsFile, String settingsText, long costLimit) {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, List<Policy>> candidates = new LinkedHashMap<>();
    for (PolicySource source : sources) {
      PolicyParser.Parsed parsed = PolicyParser.parse(source.file(), source.text());
      problems.addAll(parsed.diagnostics());
      for (Policy policy : parsed.policies()) {
        List<Policy> same = candidates.computeIfAbsent(policy.id(), id -> new ArrayList<>());
        if (!same.isEmpty() && same.getLast().source().file().equals(policy.source().file())) {
          problems.add(
              Diagnostic.error(
                  policy.source().file(),
                  policy.source().line(),
                  0,
                  "policy id '"
                      + policy.id()
                      + "' is already defined at "
                      + same.getLast().source()));
          continue;
        }
        same.add(policy);
      }
    }
    PolicyCompiler compiler = new PolicyCompiler(costLimit);
    List<CompiledPolicy> compiled = new ArrayList<>();
    candidates.values().forEach(list -> compileNewest(compiler, list, compiled, problems));
    List<RuleDisable> disables = List.of();
    if (settingsText != null) {
      RepositorySettings.Parsed settings = RepositorySettings.parse(settingsFile, settingsText);
      problems.addAll(settings.diagnostics());
      disables = settings.disables();
      for (RuleDisable d : disables) {
        if (!candidates.containsKey(d.rule())) {
          problems.add(
              Diagnostic.warning(
                  d.source().file(),
                  d.source().line(),
                  0,
                  "disables unknown rule '" + d.rule() + "'"));
        }
      }
    }
    return new PolicyEngine(compiled, disables, problems);
  }

  /**
   * The newest definition of an id that compiles wins; a broken override is reported and the
   * definition it meant to replace stays in force, so a typo never switches a rule off.
   */
  private static void compileNewest(
      PolicyCompiler compiler,
      List<Policy> versions,
      List<CompiledPolicy> out,
      List<Diagnostic> problems) {
    for (Policy policy : versions.reversed()) {
      switch (compiler.compile(policy)) {
        case PolicyCompiler.Result.Compiled c -> {
          out.add(c.policy());
          return;
        }
        case PolicyCompiler.Result.Rejected r -> problems.addAll(r.diagnostics());
      }
    }
  }

  /** Problems loading policies and settings; each names its file and line. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Every rule in force, in load order. */
  public List<PolicyRule> rules() {
    return rules;
  }

  /** Evaluates with the relationships the designs themselves declare. */
  public Findings evaluate(RenderedSet rendered) {
    return evaluate(rendered, DeclaredRelationship.of(rendered));
  }

  /**
   * @param declared the relationships each design declares, by design key; each is checked against
   *     the inferred graph
   */
  public Findings evaluate(RenderedSet rendered, Map<String, List<DeclaredRelationship>> declared) {
    return new Evaluation(this, rendered, declared).run();
  }

  List<CompiledPolicy> policiesFor(String kind) {
    List<CompiledPolicy> forKind = byKind.getOrDefault(kind, List.of());
    if (anyKind.isEmpty()) {
      return forKind;
    }
    List<CompiledPolicy> all = new ArrayList<>(forKind);
    all.addAll(anyKind);
    return all;
  }

  /** The reason a rule is disabled for a design, or null when it is in force. */
  String disabledBecause(String ruleId, String designKey, String designName) {
    for (RuleDisable d : disables) {
      if (d.covers(ruleId, designKey, designName)) {
        return d.reason();
      }
    }
    return null;
  }
}
