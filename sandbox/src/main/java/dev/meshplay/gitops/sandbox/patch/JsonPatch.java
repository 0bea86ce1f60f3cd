package dev.meshplay.gitops.sandbox.patch;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.Map;

/** JSON patch (RFC 6902), through fabric8's zjsonpatch. */
public final class JsonPatch {
  private JsonPatch() {}

  /**
   * Applies a list of operations.
   *
   * @throws IllegalArgumentException when the patch is malformed or an operation cannot apply
   */
  public static Map<String, Object> apply(Map<String, Object> target, Object operations) {
    Object patched;
    try {
      patched =
          Documents.fromTree(
              io.fabric8.zjsonpatch.JsonPatch.apply(
                  Documents.toTree(operations), Documents.toTree(target)));
    } catch (RuntimeException e) { // zjsonpatch's own exception types, and Jackson's
      throw new IllegalArgumentException("the JSON patch cannot be applied: " + e.getMessage(), e);
    }
    Map<String, Object> object = Trees.asMap(patched);
    if (object == null) {
      throw new IllegalArgumentException("the JSON patch does not leave an object");
    }
    return object;
  }
}
