package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import dev.meshplay.gitops.sandbox.patch.JsonPatch;
import dev.meshplay.gitops.sandbox.patch.MergePatch;
import dev.meshplay.gitops.sandbox.patch.StrategicMergePatch;
import java.util.Map;

/** The PATCH content types, and what each does to the live object. */
final class Patches {
  static final String APPLY = "application/apply-patch+yaml";
  static final String MERGE = "application/merge-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final String JSON = "application/json-patch+json";

  private Patches() {}

  /**
   * The live object with a (non-apply) patch applied.
   *
   * @throws Rejected 415 for an unknown content type, 400 for a patch that cannot apply
   */
  static Map<String, Object> apply(String mediaType, Map<String, Object> live, String body) {
    try {
      return switch (mediaType) {
        case MERGE -> MergePatch.apply(live, object(body));
        case STRATEGIC -> StrategicMergePatch.apply(live, object(body));
        case JSON -> JsonPatch.apply(live, Documents.parse(body));
        default -> throw unsupported(mediaType);
      };
    } catch (IllegalArgumentException e) {
      throw Rejected.badRequest(e.getMessage());
    }
  }

  static Rejected unsupported(String mediaType) {
    String message =
        "the body of the request was in an unknown format - accepted media types include: "
            + String.join(", ", JSON, MERGE, APPLY, STRATEGIC);
    return new Rejected(Responses.status(415, "UnsupportedMediaType", message), mediaType);
  }

  /** Reads a body that must be one object (JSON or YAML), else 400. */
  static Map<String, Object> object(String body) {
    try {
      Map<String, Object> object = Trees.asMap(Documents.parse(body));
      if (object == null) {
        throw Rejected.badRequest("the body is not an object");
      }
      return object;
    } catch (IllegalArgumentException e) {
      throw Rejected.badRequest(e.getMessage());
    }
  }
}
