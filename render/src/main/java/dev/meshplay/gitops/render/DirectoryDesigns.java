package dev.meshplay.gitops.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The designs in one directory's files (outside kustomizations): each Meshery design or services
 * pattern file is a design of its own, and all the plain manifests together are one more, keyed by
 * the directory.
 */
final class DirectoryDesigns {

  private DirectoryDesigns() {}

  static List<DesignBuilder> render(
      Path root, String dir, List<String> files, List<Diagnostic> problems) {
    return assemble(dir, files.stream().map(f -> renderFile(root, dir, f)).toList(), problems);
  }

  /**
   * The designs of a directory from its files, each rendered on its own ({@link #renderFile}): the
   * design files as they are, the manifest parts together as one design keyed by the directory.
   */
  static List<DesignBuilder> assemble(
      String dir, List<DesignBuilder> perFile, List<Diagnostic> problems) {
    List<DesignBuilder> designs = new ArrayList<>();
    DesignBuilder manifests = new DesignBuilder(dir, directoryName(dir), DesignFormat.MANIFESTS);
    manifests.reportAll(problems);
    boolean anyManifest = !problems.isEmpty();
    StringBuilder hashes = new StringBuilder(problems.toString());
    for (DesignBuilder part : perFile) {
      if (part.key().equals(dir)) {
        manifests.absorb(part);
        hashes.append(part.inputHash());
        anyManifest = true;
      } else {
        designs.add(part);
      }
    }
    if (anyManifest) {
      designs.add(manifests.inputHash(InputHash.of(hashes.toString())));
    }
    return designs;
  }

  /**
   * One file of a directory: a design file becomes its own design (keyed by the file); plain
   * manifests, or a file that fails and looks like manifests, become a part keyed by the directory.
   */
  static DesignBuilder renderFile(Path root, String dir, String file) {
    Diagnostic failure;
    try {
      List<YamlNode> documents = SourceFile.read(root, file).documents();
      DesignFormat format = FormatDetector.detect(documents);
      if (format == DesignFormat.MANIFESTS) {
        DesignBuilder part = new DesignBuilder(dir, directoryName(dir), DesignFormat.MANIFESTS);
        ManifestReader.read(file, documents, part);
        return part;
      }
      return designFile(file, format, documents);
    } catch (SourceException e) {
      failure = e.diagnostic();
    } catch (RuntimeException e) {
      // A reader bug must fail this design, not the whole render (and so the reconciler).
      failure = Diagnostic.error(file, 0, 0, "internal error while reading: " + e);
    }
    DesignFormat guessed = FormatDetector.guess(SourceFile.head(root, file));
    if (guessed == DesignFormat.MANIFESTS) {
      return new DesignBuilder(dir, directoryName(dir), DesignFormat.MANIFESTS).report(failure);
    }
    return new DesignBuilder(file, baseName(file), guessed).report(failure);
  }

  private static DesignBuilder designFile(
      String file, DesignFormat format, List<YamlNode> documents) {
    var design = new DesignBuilder(file, baseName(file), format);
    List<YamlNode> written = documents.stream().filter(d -> !d.isNull()).toList();
    var document = (YamlNode.Mapping) written.getFirst();
    if (written.size() > 1) {
      YamlNode extra = written.get(1);
      design.report(
          Diagnostic.error(
              file,
              extra.line(),
              extra.position().column(),
              "a design file holds one YAML document; found " + written.size()));
    }
    if (format == DesignFormat.MESHERY_DESIGN) {
      MesheryDesignReader.read(file, document, design);
    } else {
      ServicesPatternReader.read(file, document, design);
    }
    return design;
  }

  /**
   * The name of a directory design: its path below the top folder, so that {@code
   * designs/guestbook/overlays/prod} reads as {@code guestbook/overlays/prod}.
   */
  static String directoryName(String dir) {
    int slash = dir.indexOf('/');
    return slash < 0 ? dir : dir.substring(slash + 1);
  }

  static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String baseName(String file) {
    String name = lastSegment(file);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
