package dev.meshplay.gitops.render;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells which kind of design file a parsed file is, and guesses it for a file that does not parse:
 * a broken Meshery design must keep its own key, or the reconciler would take it for deleted.
 */
final class FormatDetector {
  private static final Pattern DESIGN_SCHEMA =
      Pattern.compile(
          "^\\s*\"?schema_?[vV]ersion\"?\\s*:\\s*[\"']?designs\\.meshery\\.io/", Pattern.MULTILINE);
  private static final Pattern SERVICES_MAP =
      Pattern.compile("^\"?services\"?\\s*:", Pattern.MULTILINE);

  private FormatDetector() {}

  static DesignFormat detect(List<YamlNode> documents) {
    Optional<YamlNode> first = documents.stream().filter(d -> !d.isNull()).findFirst();
    if (first.orElse(null) instanceof YamlNode.Mapping document) {
      if (MesheryDesignReader.accepts(document)) {
        return DesignFormat.MESHERY_DESIGN;
      }
      if (ServicesPatternReader.accepts(document)) {
        return DesignFormat.MESHERY_SERVICES;
      }
    }
    return DesignFormat.MANIFESTS;
  }

  /** From the raw start of a file that could not be parsed. */
  static DesignFormat guess(String head) {
    if (DESIGN_SCHEMA.matcher(head).find()) {
      return DesignFormat.MESHERY_DESIGN;
    }
    return SERVICES_MAP.matcher(head).find()
        ? DesignFormat.MESHERY_SERVICES
        : DesignFormat.MANIFESTS;
  }
}
