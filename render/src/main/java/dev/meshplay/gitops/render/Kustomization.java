package dev.meshplay.gitops.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One kustomization file and what it builds on ({@code resources}, {@code bases}, {@code
 * components}), each reference classified once: remote, leaving the repository, or a local path.
 *
 * @param dir repository-relative directory
 * @param file repository-relative kustomization file
 * @param problems why the file could not be read, if it could not
 */
record Kustomization(
    String dir, String file, List<Kustomization.Reference> references, List<Diagnostic> problems) {

  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
  private static final List<String> REFERENCE_KEYS = List.of("resources", "bases", "components");

  /** URL schemes, git shorthands, and host-like first segments (github.com/org/repo//path). */
  private static final Pattern REMOTE =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://|git@|git::|[a-zA-Z0-9-]+(\\.[a-zA-Z0-9-]+)+/)");

  enum Where {
    REMOTE,
    OUTSIDE_REPOSITORY,
    LOCAL
  }

  /**
   * @param path for {@link Where#LOCAL}, the repository-relative target
   */
  record Reference(String value, int line, int column, Where where, String path) {}

  static Optional<String> fileName(Path dir) {
    return FILE_NAMES.stream().filter(name -> Files.isRegularFile(dir.resolve(name))).findFirst();
  }

  /**
   * @param root the repository's real path
   * @param dir a repository-relative directory that holds a kustomization file
   */
  static Kustomization read(Path root, String dir) {
    String file = join(dir, fileName(root.resolve(dir)).orElse(FILE_NAMES.getFirst()));
    List<Reference> references = new ArrayList<>();
    try {
      var documents = SourceFile.read(root, file).documents();
      if (!documents.isEmpty() && documents.getFirst() instanceof YamlNode.Mapping kustomization) {
        for (String key : REFERENCE_KEYS) {
          kustomization.sequence(key).ifPresent(list -> collect(root, dir, list, references));
        }
      }
      return new Kustomization(dir, file, List.copyOf(references), List.of());
    } catch (SourceException e) {
      return new Kustomization(dir, file, List.of(), List.of(e.diagnostic()));
    }
  }

  private static void collect(
      Path root, String dir, YamlNode.Sequence list, List<Reference> references) {
    for (YamlNode item : list.items()) {
      if (item instanceof YamlNode.Scalar scalar && scalar.value() instanceof String value) {
        references.add(classify(root, dir, value, item.position()));
      }
    }
  }

  private static Reference classify(Path root, String dir, String value, YamlNode.Position at) {
    Path local = root.resolve(dir).resolve(value).normalize();
    boolean exists = Files.exists(local);
    if (!exists && REMOTE.matcher(value).find()) {
      return new Reference(value, at.line(), at.column(), Where.REMOTE, null);
    }
    if (!inside(root, local, exists)) {
      return new Reference(value, at.line(), at.column(), Where.OUTSIDE_REPOSITORY, null);
    }
    String path = root.relativize(local).toString().replace('\\', '/');
    return new Reference(value, at.line(), at.column(), Where.LOCAL, path);
  }

  /** Lexically inside, and (when it exists) not through a symlink that leads out. */
  private static boolean inside(Path root, Path local, boolean exists) {
    if (!local.startsWith(root)) {
      return false;
    }
    try {
      return !exists || local.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }

  static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }
}
