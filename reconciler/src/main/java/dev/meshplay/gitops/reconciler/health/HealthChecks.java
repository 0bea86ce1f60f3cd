package dev.meshplay.gitops.reconciler.health;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One small pure function per kind, behind a lookup: what the object's status says about it. Kinds
 * without a check are healthy when they exist, unless they carry a {@code Ready} condition, which
 * is then believed.
 */
public final class HealthChecks {
  private static final Map<String, Function<StatusView, Health>> BY_KIND =
      Map.of(
          "Deployment", HealthChecks::deployment,
          "StatefulSet", HealthChecks::statefulSet,
          "DaemonSet", HealthChecks::daemonSet,
          "Job", HealthChecks::job,
          "PersistentVolumeClaim", HealthChecks::claim,
          "CustomResourceDefinition", HealthChecks::crd,
          "Service", HealthChecks::service);

  private HealthChecks() {}

  public static Health of(Map<?, ?> live) {
    StatusView view = new StatusView(live);
    return BY_KIND
        .getOrDefault(String.valueOf(live.get("kind")), HealthChecks::generic)
        .apply(view);
  }

  private static Health deployment(StatusView d) {
    if (d.condition("Progressing")
        .map(c -> "ProgressDeadlineExceeded".equals(c.get("reason")))
        .orElse(false)) {
      return Health.degraded("rollout exceeded its progress deadline");
    }
    if (d.observedGeneration() < d.generation()) {
      return Health.progressing("waiting for the controller to see generation " + d.generation());
    }
    long want = d.replicas();
    if (d.status("updatedReplicas") < want) {
      return Health.progressing(d.status("updatedReplicas") + " of " + want + " replicas updated");
    }
    if (d.status("availableReplicas") < want) {
      return Health.progressing(
          d.status("availableReplicas") + " of " + want + " replicas available");
    }
    return Health.healthy();
  }

  private static Health statefulSet(StatusView s) {
    if (s.observedGeneration() < s.generation()) {
      return Health.progressing("waiting for the controller to see generation " + s.generation());
    }
    if (s.status("readyReplicas") < s.replicas()) {
      return Health.progressing(s.status("readyReplicas") + " of " + s.replicas() + " ready");
    }
    Object current = s.status().get("currentRevision");
    Object update = s.status().get("updateRevision");
    if (update != null && !update.equals(current)) {
      return Health.progressing("rolling out revision " + update);
    }
    return Health.healthy();
  }

  private static Health daemonSet(StatusView d) {
    if (d.observedGeneration() < d.generation()) {
      return Health.progressing("waiting for the controller to see generation " + d.generation());
    }
    long want = d.status("desiredNumberScheduled");
    if (d.status("updatedNumberScheduled") < want || d.status("numberAvailable") < want) {
      return Health.progressing(d.status("numberAvailable") + " of " + want + " pods available");
    }
    return Health.healthy();
  }

  private static Health job(StatusView j) {
    if (j.conditionIs("Failed", "True")) {
      Object message = j.condition("Failed").<Object>map(c -> c.get("message")).orElse("");
      return Health.degraded("job failed: " + message);
    }
    if (j.conditionIs("Complete", "True")) {
      return Health.healthy();
    }
    return Health.progressing("job running");
  }

  private static Health claim(StatusView c) {
    Object phase = c.status().get("phase");
    if ("Bound".equals(phase)) {
      return Health.healthy();
    }
    return "Lost".equals(phase)
        ? Health.degraded("claim lost its volume")
        : Health.progressing("claim " + (phase == null ? "pending" : phase));
  }

  private static Health crd(StatusView c) {
    return c.conditionIs("Established", "True")
        ? Health.healthy()
        : Health.progressing("waiting for the CRD to be established");
  }

  private static Health service(StatusView s) {
    if (!"LoadBalancer".equals(s.spec().get("type"))) {
      return Health.healthy();
    }
    Object ingress = StatusView.map(s.status().get("loadBalancer")).get("ingress");
    return ingress instanceof List<?> list && !list.isEmpty()
        ? Health.healthy()
        : Health.progressing("waiting for a load balancer address");
  }

  private static Health generic(StatusView o) {
    return o.condition("Ready")
        .map(
            c ->
                "True".equals(c.get("status"))
                    ? Health.healthy()
                    : Health.progressing(
                        "Ready is "
                            + c.get("status")
                            + (c.get("message") == null ? "" : ": " + c.get("message"))))
        .orElse(Health.healthy());
  }
}
