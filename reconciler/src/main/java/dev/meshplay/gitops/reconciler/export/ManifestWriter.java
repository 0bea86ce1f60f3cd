package dev.meshplay.gitops.reconciler.export;

import java.util.Locale;

/** Writes one exported object as a plain manifest file. */
final class ManifestWriter {
  private ManifestWriter() {}

  /** The file's path in the repository: {@code manifests/<namespace>/<kind>-<name>.yaml}. */
  static String path(String folder, ExportedObject object) {
    return "manifests/"
        + folder
        + "/"
        + object.ref().kind().toLowerCase(Locale.ROOT)
        + "-"
        + object.ref().name().replaceAll("[^A-Za-z0-9._-]", "_")
        + ".yaml";
  }

  static String write(ExportedObject object) {
    return YamlText.of(object.body());
  }
}
