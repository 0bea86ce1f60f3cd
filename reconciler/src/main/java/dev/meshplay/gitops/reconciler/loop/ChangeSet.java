package dev.meshplay.gitops.reconciler.loop;

import java.util.List;

/**
 * What one apply stage did.
 *
 * @param changes every change of the stage after it was tried, in apply order
 * @param notReady why the stage's objects did not become ready in time (e.g. {@code
 *     CustomResourceDefinition/foos.example.com not established after 30s}), or null; later stages
 *     are then not applied
 */
record ChangeSet(ApplyStage stage, List<AppliedChange> changes, String notReady) {

  ChangeSet {
    changes = List.copyOf(changes);
  }
}
