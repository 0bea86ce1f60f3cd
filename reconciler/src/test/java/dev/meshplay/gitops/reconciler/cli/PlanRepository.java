package dev.meshplay.gitops.reconciler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** A small design repository with a working tree, as a CI checkout would be. */
final class PlanRepository {
  static final String CONFIG =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: greeting
        namespace: shop
      data:
        greeting: %s
      """;

  static final String PRIVILEGED =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: root
        namespace: shop
      spec:
        containers:
          - name: sh
            image: busybox:1.36
            securityContext:
              privileged: true
      """;

  private final Path dir;

  private PlanRepository(Path dir) {
    this.dir = dir;
  }

  static PlanRepository create(Path dir) throws IOException, GitAPIException {
    PlanRepository repo = new PlanRepository(dir);
    repo.write("manifests/shop/config.yaml", CONFIG.formatted("hello"));
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      repo.commit("first");
    }
    return repo;
  }

  Path dir() {
    return dir;
  }

  PlanRepository write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  String commit(String message) throws IOException, GitAPIException {
    try (Git git = Git.open(dir.toFile())) {
      git.add().addFilepattern(".").call();
      return git.commit()
          .setMessage(message)
          .setAuthor("t", "t@example.invalid")
          .setCommitter("t", "t@example.invalid")
          .setSign(false)
          .call()
          .name();
    }
  }
}
