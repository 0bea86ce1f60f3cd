package dev.meshplay.gitops.reconciler.export;

import java.util.List;
import java.util.Map;

/**
 * What an export produced.
 *
 * @param files repository paths (e.g. {@code designs/shop.yaml}) to their content, in write order
 * @param notes what a user should know before committing: objects left out and why, objects another
 *     tool owns, Secrets written as references
 * @param exported how many objects the files declare (references included)
 */
public record Export(Map<String, String> files, List<String> notes, int exported) {

  public Export {
    files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    notes = List.copyOf(notes);
  }
}
