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

  /** {@code kubectl kustomize DIR} from the PATH, with a 60 s timeout and a 64 MiB output cap. */
  static KustomizeRunner kubectl() {
    return new KubectlKustomize();
  }

  /** {@code kustomize build DIR} from the PATH, same limits. */
  static KustomizeRunner kustomize() {
    return KubectlKustomize.standalone(
        "kustomize", KubectlKustomize.DEFAULT_TIMEOUT, KubectlKustomize.DEFAULT_MAX_OUTPUT_BYTES);
  }

  /** The standalone {@code kustomize} when it is on the PATH, else {@code kubectl kustomize}. */
  static KustomizeRunner onPath() {
    return BoundedProcess.onPath("kustomize") ? kustomize() : kubectl();
  }
}
