package dev.meshplay.gitops.reconciler.load;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.render.ObjectRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Real Git repositories on disk holding a {@link LoadShape}: source {@code load-007} has designs
 * {@code manifests/d0} … each one file with a Namespace {@code load-007-d0} and ConfigMaps named
 * {@code cm-007-0-K}. Commits land through {@link #revise}, as a user's push would.
 */
public final class LoadFleet implements AutoCloseable {
  private final LoadShape shape;
  private final List<Git> repositories;
  private final Map<String, String> heads = new ConcurrentHashMap<>();

  private LoadFleet(LoadShape shape, List<Git> repositories) {
    this.shape = shape;
    this.repositories = repositories;
  }

  /** Creates the repositories under {@code dir} with one commit each (revision 0). */
  public static LoadFleet create(Path dir, LoadShape shape) throws GitAPIException {
    List<Git> repositories = new ArrayList<>();
    for (int s = 0; s < shape.sources(); s++) {
      repositories.add(
          Git.init()
              .setDirectory(dir.resolve(sourceName(s)).toFile())
              .setInitialBranch("main")
              .call());
    }
    LoadFleet fleet = new LoadFleet(shape, repositories);
    for (int s = 0; s < shape.sources(); s++) {
      fleet.revise(s, 0);
    }
    return fleet;
  }

  public LoadShape shape() {
    return shape;
  }

  public static String sourceName(int source) {
    return "load-%03d".formatted(source);
  }

  public List<GitSource> sources() {
    List<GitSource> sources = new ArrayList<>();
    for (int s = 0; s < shape.sources(); s++) {
      sources.add(new GitSource(sourceName(s), directory(s).toString(), "main"));
    }
    return sources;
  }

  public Path directory(int source) {
    return repositories.get(source).getRepository().getWorkTree().toPath();
  }

  /** The newest commit of each source, by source name. */
  public Map<String, String> heads() {
    return Map.copyOf(heads);
  }

  /**
   * Commits revision {@code revision} of every design of one source (each ConfigMap's data names
   * the revision, so every object changes); returns the commit id.
   */
  public String revise(int source, int revision) {
    synchronized (repositories.get(source)) {
      return commit(source, revision);
    }
  }

  private String commit(int source, int revision) {
    try {
      for (int d = 0; d < shape.designs(); d++) {
        Path file = directory(source).resolve("manifests/d" + d + "/objects.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, design(source, d, revision));
      }
      Git git = repositories.get(source);
      git.add().addFilepattern(".").call();
      String id =
          git.commit()
              .setMessage("revision " + revision)
              .setAuthor("Load", "load@example.com")
              .call()
              .name();
      heads.put(sourceName(source), id);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit to " + sourceName(source), e);
    }
  }

  /** Design path to the objects it declares, for one source. */
  public Map<String, Set<ObjectRef>> expected(int source) {
    Map<String, Set<ObjectRef>> designs = new LinkedHashMap<>();
    for (int d = 0; d < shape.designs(); d++) {
      Set<ObjectRef> refs = new LinkedHashSet<>();
      String namespace = namespace(source, d);
      refs.add(new ObjectRef("v1", "Namespace", null, namespace));
      for (int k = 0; k < shape.objects() - 1; k++) {
        refs.add(new ObjectRef("v1", "ConfigMap", namespace, configMap(source, d, k)));
      }
      designs.put("manifests/d" + d, refs);
    }
    return designs;
  }

  public static String namespace(int source, int design) {
    return "%s-d%d".formatted(sourceName(source), design);
  }

  // Names are unique across the fleet: the emulator indexes objects by name.
  private static String configMap(int source, int design, int k) {
    return "cm-%03d-%d-%d".formatted(source, design, k);
  }

  private String design(int source, int design, int revision) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ")
        .append(namespace(source, design))
        .append('\n');
    for (int k = 0; k < shape.objects() - 1; k++) {
      yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ")
          .append(configMap(source, design, k))
          .append("\n  namespace: ")
          .append(namespace(source, design))
          .append("\ndata:\n  revision: \"")
          .append(revision)
          .append("\"\n  key: \"")
          .append(k)
          .append("\"\n");
    }
    return yaml.toString();
  }

  @Override
  public void close() {
    repositories.forEach(Git::close);
  }
}
