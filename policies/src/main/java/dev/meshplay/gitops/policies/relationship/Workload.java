package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.policies.labels.Labels;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.Map;

/**
 * An object that runs pods, with its pod template: what Services, NetworkPolicies and
 * PodDisruptionBudgets select, and what holds volume and environment references.
 *
 * @param podLabels the labels its pods get
 * @param podSpec the pod spec tree
 * @param specPath where {@code podSpec} sits in the object, for {@code via} fields
 */
record Workload(
    RenderedObject object, Map<String, String> podLabels, Map<?, ?> podSpec, String specPath) {

  /** The workload view of an object, or null when its kind runs no pods. */
  static Workload of(RenderedObject object) {
    String kind = object.ref().kind();
    Map<?, ?> template = PodTemplates.template(kind, object.body());
    Map<?, ?> spec = PodTemplates.spec(kind, object.body());
    if (spec == null) {
      return null;
    }
    Map<String, String> labels = Labels.stringMap(Labels.path(template, "metadata", "labels"));
    return new Workload(object, labels, spec, PodTemplates.specPath(kind));
  }
}
