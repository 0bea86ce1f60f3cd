package dev.meshplay.gitops.reconciler.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The committed corpus under the test resources' {@code bad-input/<category>/}: a file per case, or
 * a directory per case when it needs several files (its {@code case.yaml} holds the header, every
 * other file goes to the same path in the repository).
 */
public final class BadInputCorpus {
  private BadInputCorpus() {}

  /** The folder of the corpus on the test class path. */
  public static Path root() {
    try {
      return Path.of(BadInputCorpus.class.getResource("/bad-input").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every committed case of {@code category}, sorted by id. */
  public static List<BadInputCase> category(String category) {
    Path dir = root().resolve(category);
    List<BadInputCase> cases = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.sorted().toList()) {
        String id = category + "/" + entry.getFileName();
        cases.add(Files.isDirectory(entry) ? directoryCase(id, entry) : fileCase(id, entry));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** The categories found on disk. */
  public static List<String> categories() {
    try (Stream<Path> entries = Files.list(root())) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BadInputCase fileCase(String id, Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    CaseHeader header = CaseHeader.parse(id, new String(content, StandardCharsets.UTF_8));
    if (header.path() == null && !id.startsWith("daemon-config/")) {
      throw new IllegalArgumentException(id + ": a single-file case needs '# path:'");
    }
    return new BadInputCase(
        id,
        header.description(),
        header.expect(),
        Map.of(header.path() == null ? "serve.yaml" : header.path(), content),
        header.symlinks(),
        header.known());
  }

  private static BadInputCase directoryCase(String id, Path dir) throws IOException {
    Path manifest = dir.resolve("case.yaml");
    CaseHeader header = CaseHeader.parse(id, Files.readString(manifest));
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        if (!file.equals(manifest)) {
          files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
      }
    }
    return new BadInputCase(
        id, header.description(), header.expect(), files, header.symlinks(), header.known());
  }
}
