package dev.meshplay.gitops.policies.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The text of one policy file and the name it is reported under: a repository-relative path, or
 * {@code builtin:pack/NAME.yaml} for the pack shipped in this jar.
 */
public record PolicySource(String file, String text) {
  private static final String PACK = "/dev/meshplay/gitops/policies/pack/";

  /** The built-in best-practice pack, in the order its index lists the files. */
  public static List<PolicySource> builtInPack() {
    List<PolicySource> sources = new ArrayList<>();
    for (String name : resource("index").lines().map(String::strip).toList()) {
      if (!name.isEmpty() && !name.startsWith("#")) {
        sources.add(new PolicySource("builtin:pack/" + name, resource(name)));
      }
    }
    return sources;
  }

  /**
   * Every {@code policies/*.yaml} and {@code *.yml} of a design repository, sorted by name; none
   * when the folder is absent.
   */
  public static List<PolicySource> repository(Path repoRoot) {
    Path dir = repoRoot.resolve("policies");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<PolicySource> sources = new ArrayList<>();
      for (Path file : files.filter(PolicySource::isYaml).sorted().toList()) {
        String relative = repoRoot.relativize(file).toString().replace('\\', '/');
        sources.add(new PolicySource(relative, Files.readString(file)));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policies in " + dir, e);
    }
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static String resource(String name) {
    try (InputStream in = PolicySource.class.getResourceAsStream(PACK + name)) {
      if (in == null) {
        throw new IllegalStateException("built-in policy pack is missing " + PACK + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
