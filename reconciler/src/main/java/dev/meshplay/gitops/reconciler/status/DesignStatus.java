package dev.meshplay.gitops.reconciler.status;

import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.List;

/**
 * A design after a pass.
 *
 * @param key the repository path that identifies the design
 * @param message one line saying why it is not Synced, or null
 */
public record DesignStatus(
    String key,
    String name,
    DesignFormat format,
    DesignState state,
    String message,
    List<Diagnostic> diagnostics,
    List<ObjectStatus> objects,
    int relationships,
    List<Finding> findings) {

  public DesignStatus {
    diagnostics = List.copyOf(diagnostics);
    objects = List.copyOf(objects);
    findings = List.copyOf(findings);
  }

  public DesignStatus(
      String key,
      String name,
      DesignFormat format,
      DesignState state,
      String message,
      List<Diagnostic> diagnostics,
      List<ObjectStatus> objects,
      int relationships) {
    this(key, name, format, state, message, diagnostics, objects, relationships, List.of());
  }

  public DesignStatus withFindings(List<Finding> findings) {
    return new DesignStatus(
        key, name, format, state, message, diagnostics, objects, relationships, findings);
  }
}
