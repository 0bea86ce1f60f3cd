package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.apply.ApplyOutcome;
import dev.meshplay.gitops.sandbox.document.Documents;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** HTTP answers in the API server's shapes: objects, and {@code Status} for failures. */
final class Responses {
  private static final String JSON = "application/json";

  private Responses() {}

  static MockResponse json(int code, Object body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", JSON)
        .setBody(Documents.toJson(body));
  }

  /** A response of the CRUD store, labelled as JSON (kubectl decodes by Content-Type). */
  static MockResponse labelled(MockResponse stored) {
    if (stored.getBody() != null
        && stored.getBody().size() > 0
        && stored.header("Content-Type") == null) {
      stored.setHeader("Content-Type", JSON);
    }
    return stored;
  }

  static MockResponse status(int code, String reason, String message) {
    return status(code, reason, message, null);
  }

  static MockResponse status(int code, String reason, String message, Map<String, Object> details) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.put("metadata", Map.of());
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason);
    if (details != null) {
      status.put("details", details);
    }
    status.put("code", code);
    return json(code, status);
  }

  static MockResponse badRequest(String message) {
    return status(400, "BadRequest", message);
  }

  static MockResponse notFound(ResourcePath path) {
    return status(
        404,
        "NotFound",
        path.qualifiedPlural() + " \"" + path.name() + "\" not found",
        details(path));
  }

  static MockResponse alreadyExists(ResourcePath path, String name) {
    return status(
        409,
        "AlreadyExists",
        path.qualifiedPlural() + " \"" + name + "\" already exists",
        details(path));
  }

  static MockResponse modified(ResourcePath path) {
    return status(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + path.qualifiedPlural()
            + " \""
            + path.name()
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again",
        details(path));
  }

  /** The 409 of a refused apply, with one {@code FieldManagerConflict} cause per field. */
  static MockResponse conflicts(ApplyOutcome.Conflicted refused) {
    List<Map<String, Object>> causes =
        refused.conflicts().stream()
            .map(
                c ->
                    Map.<String, Object>of(
                        "reason",
                        "FieldManagerConflict",
                        "message",
                        "conflict with " + c.manager(),
                        "field",
                        c.path().toString()))
            .toList();
    return status(409, "Conflict", refused.message(), Map.of("causes", causes));
  }

  private static Map<String, Object> details(ResourcePath path) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", path.name());
    details.put("group", path.group());
    details.put("kind", path.plural());
    return details;
  }
}
