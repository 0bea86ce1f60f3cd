package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.plan.Change;

/** A planned change after the loop tried it: {@code error} is null when it succeeded. */
record AppliedChange(Change change, String error) {

  boolean failed() {
    return error != null;
  }
}
