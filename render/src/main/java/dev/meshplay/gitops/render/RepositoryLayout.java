package dev.meshplay.gitops.render;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a design repository holds under {@code designs/} and {@code manifests/}, before any file is
 * read: its kustomization directories, the other design files grouped by directory, and problems
 * with the tree itself. Hidden files and directories are skipped; symlinks are never followed into
 * directories, and one that leads out of the repository is an error.
 */
final class RepositoryLayout {
  static final List<String> RENDERED_DIRECTORIES = List.of("designs", "manifests");

  private final Path root;
  private final Set<String> kustomizations = new TreeSet<>();
  private final Set<String> charts = new TreeSet<>();
  private final List<String> wasmFiles = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private final List<Diagnostic> problems = new ArrayList<>();

  private RepositoryLayout(Path root) {
    this.root = root;
  }

  /**
   * @param root the repository's real path
   */
  static RepositoryLayout scan(Path root) {
    return scan(root, RENDERED_DIRECTORIES);
  }

  /**
   * @param tops the repository-relative directories or files to scan
   */
  static RepositoryLayout scan(Path root, List<String> tops) {
    var layout = new RepositoryLayout(root);
    for (String top : tops) {
      Path start = root.resolve(top);
      if (Files.exists(start, LinkOption.NOFOLLOW_LINKS)) {
        layout.walk(start);
      }
    }
    return layout;
  }

  Set<String> kustomizationDirectories() {
    return kustomizations;
  }

  /** Directories holding a {@code Chart.yaml}; nothing below them is read as a design. */
  Set<String> chartDirectories() {
    return charts;
  }

  /** Committed WebAssembly modules, sorted. */
  List<String> wasmFiles() {
    return wasmFiles.stream().sorted().toList();
  }

  /** Records a problem found after the scan (a bad {@code .wasm} file) with its owner. */
  void problem(Diagnostic diagnostic) {
    problems.add(diagnostic);
  }

  /** Directory → its design files, for every directory outside kustomizations. */
  Map<String, List<String>> looseFiles() {
    Map<String, List<String>> byDirectory = new TreeMap<>();
    for (String file : files) {
      if (owningKustomization(parent(file)) == null) {
        byDirectory.computeIfAbsent(parent(file), d -> new ArrayList<>()).add(file);
      }
    }
    byDirectory.values().forEach(list -> list.sort(null));
    return byDirectory;
  }

  /**
   * Problems by the design they belong to: the nearest enclosing kustomization directory, else the
   * directory the offending path is in.
   */
  Map<String, List<Diagnostic>> problemsByOwner() {
    Map<String, List<Diagnostic>> byOwner = new TreeMap<>();
    for (Diagnostic problem : problems) {
      String dir = parent(problem.file());
      String kustomization = owningKustomization(dir);
      String owner = kustomization != null ? kustomization : dir.isEmpty() ? problem.file() : dir;
      byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(problem);
    }
    return byOwner;
  }

  private String owningKustomization(String dir) {
    for (String d = dir; !d.isEmpty(); d = parent(d)) {
      if (kustomizations.contains(d)) {
        return d;
      }
    }
    return null;
  }

  private void walk(Path start) {
    try {
      Files.walkFileTree(start, new Visitor(start));
    } catch (IOException e) {
      problems.add(Diagnostic.error(relative(start), 0, 0, "cannot list directory: " + e));
    }
  }

  private final class Visitor extends SimpleFileVisitor<Path> {
    private final Path start;

    Visitor(Path start) {
      this.start = start;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (!dir.equals(start) && hidden(dir)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
        charts.add(relative(dir));
        return FileVisitResult.SKIP_SUBTREE;
      }
      if (Kustomization.fileName(dir).isPresent()) {
        kustomizations.add(relative(dir));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (hidden(file)) {
        return FileVisitResult.CONTINUE;
      }
      if (attrs.isSymbolicLink()) {
        symlink(file);
      } else if (attrs.isRegularFile() && rendered(file)) {
        files.add(relative(file));
      } else if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".wasm")) {
        wasmFiles.add(relative(file));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      problems.add(Diagnostic.error(relative(file), 0, 0, "cannot read: " + e.getMessage()));
      return FileVisitResult.CONTINUE;
    }
  }

  private void symlink(Path link) {
    String path = relative(link);
    try {
      Path target = link.toRealPath();
      if (!target.startsWith(root)) {
        String to = Files.readSymbolicLink(link).toString();
        problems.add(Diagnostic.error(path, 0, 0, "symlink leaves the repository (-> " + to + ")"));
      } else if (Files.isDirectory(target)) {
        problems.add(Diagnostic.warning(path, 0, 0, "symlinked directory is not followed"));
      } else if (rendered(link)) {
        files.add(path);
      }
    } catch (IOException e) {
      problems.add(Diagnostic.error(path, 0, 0, "broken symlink"));
    }
  }

  private static boolean hidden(Path path) {
    return path.getFileName().toString().startsWith(".");
  }

  private static boolean rendered(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
