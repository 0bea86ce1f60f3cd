package dev.meshplay.gitops.reconciler.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example design repository, packaged into the jar at build time so the demo needs nothing but
 * the jar (and works from any directory).
 */
public final class ExamplesRepo {
  private static final String ROOT = "/examples-repo";

  private ExamplesRepo() {}

  /** Copies every file of the example repository under {@code target}. */
  public static void copyTo(Path target) {
    URI uri = location();
    try {
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          copyTree(jar.getPath(ROOT), target);
        }
      } else {
        copyTree(Path.of(uri), target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the example repository to " + target, e);
    }
  }

  private static URI location() {
    var readme = ExamplesRepo.class.getResource(ROOT + "/README.md");
    if (readme == null) {
      throw new IllegalStateException(
          "the example repository is missing from the classpath: rebuild with ./mvnw package");
    }
    try {
      String text = readme.toURI().toString();
      return URI.create(text.substring(0, text.length() - "/README.md".length()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path dest = to.resolve(from.relativize(file).toString());
      Files.createDirectories(dest.getParent());
      Files.copy(file, dest);
    }
  }
}
