package dev.meshplay.gitops.render;

import java.nio.file.Path;

/**
 * Builds a kustomization directory into multi-document YAML. The renderer reaches kustomize only
 * through this, so tests and other hosts can supply their own.
 */
@FunctionalInterface
public interface KustomizeRunner {

  /**
   * @param directory an absolute directory holding a kustomization file
   * @return the built objects as multi-document YAML
   * @throws KustomizeException when nothing usable was built; the message is shown to users
   */
  String build(Path directory) throws KustomizeException;

  /** {@code kubectl kustomize DIR} from the PATH, with a 60 s timeout. */
  static KustomizeRunner kubectl() {
    return new KubectlKustomize();
  }
}
