package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.RenderedDesign;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what a pass rendered, planned and did into one status per design. */
final class DesignStatuses {
  private DesignStatuses() {}

  static PassOutcome.Applied of(PassResult pass) {
    Map<Change, String> errors = new HashMap<>();
    pass.applied().forEach(a -> errors.put(a.change(), a.error()));
    pass.pruned().forEach(a -> errors.put(a.change(), a.error()));
    Map<String, String> refusals = pass.plan().refusals();
    boolean everyApplied = true;
    List<DesignStatus> designs = new ArrayList<>();
    for (RenderedDesign design : pass.rendered().designs()) {
      DesignStatus status;
      if (design.failed()) {
        status = held(design, pass.previous(), DesignState.FAILED, renderError(design));
      } else if (pass.suspended().contains(design.key())) {
        status = held(design, pass.previous(), DesignState.SUSPENDED, "suspended in meshplay.yaml");
      } else if (pass.findings().blocks(design.key())) {
        status = held(design, pass.previous(), DesignState.FAILED, denial(pass, design));
      } else if (pass.waiting().containsKey(design.key())) {
        status =
            held(
                design, pass.previous(), DesignState.PROGRESSING, pass.waiting().get(design.key()));
        everyApplied = false;
      } else {
        status = applied(design, pass, errors, refusals.get(design.key()));
      }
      status = status.withFindings(pass.findings().forDesign(design.key()));
      everyApplied &= status.state() != DesignState.FAILED;
      designs.add(status);
    }
    return new PassOutcome.Applied(designs, pass.plan(), everyApplied);
  }

  private static String denial(PassResult pass, RenderedDesign design) {
    return "denied by policy, last good state kept: "
        + pass.findings().forDesign(design.key()).stream()
            .filter(f -> f.blocks())
            .findFirst()
            .map(Object::toString)
            .orElse("");
  }

  private static String renderError(RenderedDesign design) {
    Diagnostic first = design.diagnostics().stream().filter(Diagnostic::isError).findFirst().get();
    return "render failed, last good state kept: " + first;
  }

  /** A design whose objects were left as they were: its last inventory is what runs. */
  private static DesignStatus held(
      RenderedDesign design, Inventory previous, DesignState state, String message) {
    List<ObjectStatus> kept =
        previous.of(design.key()).stream()
            .map(ref -> new ObjectStatus(ref, Action.UNCHANGED, List.of(), null, null, null))
            .toList();
    return new DesignStatus(
        design.key(),
        design.name(),
        design.format(),
        state,
        message,
        design.diagnostics(),
        kept,
        design.relationships());
  }

  private static DesignStatus applied(
      RenderedDesign design, PassResult pass, Map<Change, String> errors, String refusal) {
    List<ObjectStatus> objects = new ArrayList<>();
    String firstError = refusal;
    for (Change change : pass.plan().changes()) {
      if (!change.design().equals(design.key())) {
        continue;
      }
      boolean prune = change.action() == Action.PRUNE;
      boolean attempted = !prune || pass.pruned().stream().anyMatch(p -> p.change() == change);
      String error = errors.get(change);
      firstError = firstError == null ? error : firstError;
      if (attempted) {
        objects.add(
            new ObjectStatus(
                change.ref(),
                change.action(),
                change.drift().isEmpty()
                    ? pass.lastRepair().getOrDefault(change.ref(), List.of())
                    : change.drift(),
                change.provenance(),
                error != null || change.action() == Action.ADOPT ? error : change.note(),
                prune ? null : pass.health().get(change.ref()),
                pass.adopted().get(change.ref())));
      }
    }
    DesignState state = firstError == null ? stateOf(objects) : DesignState.FAILED;
    return new DesignStatus(
        design.key(),
        design.name(),
        design.format(),
        state,
        firstError == null ? orHeld(healthMessage(objects), objects) : firstError,
        design.diagnostics(),
        objects,
        design.relationships());
  }

  /** Synced once every object is healthy; the worst object health decides otherwise. */
  private static DesignState stateOf(List<ObjectStatus> objects) {
    boolean progressing = false;
    for (ObjectStatus o : objects) {
      if (o.health() == null) {
        continue;
      }
      if (o.health().state() == Health.State.DEGRADED) {
        return DesignState.DEGRADED;
      }
      progressing |= o.health().state() == Health.State.PROGRESSING;
    }
    return progressing ? DesignState.PROGRESSING : DesignState.SYNCED;
  }

  /** Objects left to another tool are named when nothing worse is. */
  private static String orHeld(String message, List<ObjectStatus> objects) {
    if (message != null) {
      return message;
    }
    return objects.stream()
        .filter(o -> o.action() == Action.HELD_FOREIGN)
        .findFirst()
        .map(o -> o.ref() + ": " + o.error())
        .orElse(null);
  }

  private static String healthMessage(List<ObjectStatus> objects) {
    return objects.stream()
        .filter(o -> o.health() != null && o.health().state() != Health.State.HEALTHY)
        .findFirst()
        .map(o -> o.ref() + ": " + o.health().message())
        .orElse(null);
  }
}
