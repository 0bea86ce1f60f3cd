package dev.meshplay.gitops.reconciler.export;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Secret as an export writes it: its identity, labels, annotations and type, never {@code data}
 * or {@code stringData}. The values stay in the cluster (or in whatever manages secrets there).
 */
final class SecretReference {
  private SecretReference() {}

  static Map<String, Object> of(Map<String, Object> secret) {
    Map<String, Object> cleaned = ServerFields.clean(secret);
    Map<String, Object> reference = new LinkedHashMap<>();
    reference.put("apiVersion", cleaned.get("apiVersion"));
    reference.put("kind", cleaned.get("kind"));
    reference.put("metadata", cleaned.get("metadata"));
    if (cleaned.get("type") != null) {
      reference.put("type", cleaned.get("type"));
    }
    return reference;
  }
}
