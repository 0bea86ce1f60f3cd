package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.reconciler.adoption.ForeignOwner;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.settings.AdoptPolicy;
import dev.meshplay.gitops.reconciler.settings.DesignSettings;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to do with a desired object that already exists without our manager label: take it over in
 * place ({@link Action#ADOPT}), or leave it to the tool that owns it ({@link Action#HELD_FOREIGN}).
 * Objects carrying our label (of any source) are not adoptions.
 */
final class Adoption {
  static final String ADOPTED = "adopted in place: it existed without an owner we know of";

  private Adoption() {}

  /** True when the live object was not written by us, so pairing it is an adoption decision. */
  static boolean applies(Map<String, Object> live) {
    return !(live.get("metadata") instanceof Map<?, ?> meta
        && meta.get("labels") instanceof Map<?, ?> labels
        && Ownership.MANAGER.equals(labels.get(Ownership.MANAGED_BY)));
  }

  static Change decide(
      DesiredObject object, Map<String, Object> live, RepositorySettings repository) {
    DesignSettings settings = repository.forDesign(object.design());
    // What taking it over rewrites, besides adding our marks (which it always does).
    List<String> drift =
        Drift.between(unmarked(object.body()), live).stream()
            .filter(path -> !repository.ignored(object.ref().kind(), path))
            .toList();
    Optional<ForeignOwner> owner = ForeignOwner.of(live);
    if (owner.isEmpty()) {
      return change(object, Action.ADOPT, drift, ADOPTED);
    }
    if (settings.adopt() == AdoptPolicy.FOREIGN) {
      return change(
          object,
          Action.ADOPT,
          drift,
          "adopted from "
              + owner.get().tool()
              + ": "
              + owner.get().describe()
              + ", adopt: foreign");
    }
    return change(
        object,
        Action.HELD_FOREIGN,
        List.of(),
        owner.get().describe()
            + "; left alone: set adopt: foreign for design "
            + object.design()
            + " in meshplay.yaml to take it over");
  }

  private static Map<String, Object> unmarked(Map<String, Object> body) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    if (copy.get("metadata") instanceof Map<?, ?> meta) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      meta.forEach((k, v) -> metadata.put(String.valueOf(k), v));
      metadata.put("labels", without(meta.get("labels"), Ownership.MANAGED_BY, Ownership.SOURCE));
      metadata.put(
          "annotations", without(meta.get("annotations"), Ownership.DESIGN, Ownership.CONFIG_HASH));
      copy.put("metadata", metadata);
    }
    return copy;
  }

  private static Map<String, Object> without(Object map, String... keys) {
    Map<String, Object> rest = new LinkedHashMap<>();
    if (map instanceof Map<?, ?> m) {
      m.forEach((k, v) -> rest.put(String.valueOf(k), v));
    }
    for (String key : keys) {
      rest.remove(key);
    }
    return rest;
  }

  private static Change change(
      DesiredObject object, Action action, List<String> drift, String note) {
    return new Change(
        object.design(), object.ref(), action, drift, object.body(), object.provenance(), note);
  }
}
