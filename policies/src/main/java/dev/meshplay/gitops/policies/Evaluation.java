package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.policies.expression.CelValues;
import dev.meshplay.gitops.policies.expression.CompiledPolicy;
import dev.meshplay.gitops.policies.expression.Verdict;
import dev.meshplay.gitops.policies.labels.Labels;
import dev.meshplay.gitops.policies.policy.Policy;
import dev.meshplay.gitops.policies.relationship.PodTemplates;
import dev.meshplay.gitops.policies.relationship.RelationshipInference;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a rendered set: infer the relationship graph over every design's objects (so a
 * reference across designs resolves), then run the policies that match each object. A policy that
 * fails on an object is reported once, with how many objects it failed on, and the others go on.
 */
final class Evaluation {
  private record Failure(Policy policy, ObjectRef first, String error, int[] count) {}

  private final PolicyEngine engine;
  private final RenderedSet rendered;
  private final Map<String, List<DeclaredRelationship>> declared;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Failure> failures = new LinkedHashMap<>();

  Evaluation(
      PolicyEngine engine, RenderedSet rendered, Map<String, List<DeclaredRelationship>> declared) {
    this.engine = engine;
    this.rendered = rendered;
    this.declared = declared;
  }

  Findings run() {
    List<RenderedObject> all =
        rendered.designs().stream().flatMap(d -> d.objects().stream()).toList();
    RelatedValues related = new RelatedValues(RelationshipInference.infer(all));
    for (RenderedDesign design : rendered.designs()) {
      Map<String, Object> designValue =
          Map.of("key", design.key(), "name", design.name(), "format", design.format().name());
      Map<String, List<DeclaredRelationship>> declaredFrom = new HashMap<>();
      for (DeclaredRelationship d : declared.getOrDefault(design.key(), List.of())) {
        declaredFrom.computeIfAbsent(key(d.from()), k -> new ArrayList<>()).add(d);
      }
      for (RenderedObject object : design.objects()) {
        List<CompiledPolicy> policies = engine.policiesFor(object.ref().kind());
        if (policies.isEmpty()) {
          continue;
        }
        Map<String, String> labels = Labels.of(object.body());
        Map<String, Object> variables = null;
        for (CompiledPolicy policy : policies) {
          if (!policy.policy().match().matches(object.ref().namespace(), labels)) {
            continue;
          }
          if (variables == null) {
            variables = new HashMap<>(8);
            Object body = CelValues.of(object.body());
            Map<?, ?> podSpec = PodTemplates.spec(object.ref().kind(), (Map<?, ?>) body);
            variables.put("object", body);
            variables.put("podSpec", podSpec == null ? Map.of() : podSpec);
            variables.put("design", designValue);
            variables.put(
                "related",
                related.of(object.ref(), declaredFrom.getOrDefault(key(object.ref()), List.of())));
          }
          Policy p = policy.policy();
          switch (policy.evaluate(
              variables, MessageTemplate.fill(p.message(), object.ref(), design.key()))) {
            case Verdict.Pass pass -> {}
            case Verdict.Violation v -> findings.add(finding(p, design, object, v.message()));
            case Verdict.Failed f ->
                failures.computeIfAbsent(
                        p.id(), id -> new Failure(p, object.ref(), f.error(), new int[1]))
                    .count()[0]++;
          }
        }
      }
    }
    findings.sort(
        Comparator.comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparing(Finding::ruleId));
    List<Diagnostic> diagnostics = new ArrayList<>(engine.diagnostics());
    failures.values().forEach(f -> diagnostics.add(failed(f)));
    return new Findings(findings, diagnostics, engine.rules());
  }

  private Finding finding(Policy p, RenderedDesign design, RenderedObject object, String message) {
    return new Finding(
        p.id(),
        p.severity(),
        design.key(),
        object.ref(),
        object.provenance(),
        message,
        p.reference(),
        engine.disabledBecause(p.id(), design.key(), design.name()));
  }

  private static Diagnostic failed(Failure f) {
    int n = f.count()[0];
    return Diagnostic.warning(
        f.policy().source().file(),
        f.policy().expressionLine(),
        0,
        "policy '"
            + f.policy().id()
            + "' could not be evaluated on "
            + n
            + (n == 1 ? " object" : " objects")
            + " and was skipped for them (first: "
            + f.first()
            + ": "
            + f.error()
            + ")");
  }

  private static String key(ObjectRef ref) {
    return ref.kind() + "/" + ref.namespace() + "/" + ref.name();
  }
}
