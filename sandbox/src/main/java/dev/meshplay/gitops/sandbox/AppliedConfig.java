package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.Map;

/** Checks that an object sent to a URL belongs there, filling in what the URL implies. */
final class AppliedConfig {
  private AppliedConfig() {}

  /**
   * An applied configuration, checked against the URL: it must name its apiVersion and kind, and
   * its name and namespace (filled in when absent) must be the URL's.
   *
   * @throws Rejected 400 when it does not fit
   */
  static Map<String, Object> validate(Map<String, Object> config, ResourcePath path) {
    String apiVersion = Trees.string(config, "apiVersion");
    if (apiVersion == null || apiVersion.isEmpty()) {
      throw Rejected.badRequest("apiVersion must be set in an applied configuration");
    }
    if (Trees.string(config, "kind") == null) {
      throw Rejected.badRequest("kind must be set in an applied configuration");
    }
    if (!apiVersion.equals(path.groupVersion())) {
      throw Rejected.badRequest(
          "the apiVersion of the object ("
              + apiVersion
              + ") does not match the URL ("
              + path.groupVersion()
              + ")");
    }
    Map<String, Object> metadata = Trees.metadata(config);
    Object name = metadata.get("name");
    if (name == null) {
      metadata.put("name", path.name());
    } else if (!name.equals(path.name())) {
      throw Rejected.badRequest(
          "the name of the object ("
              + name
              + ") does not match the name on the URL ("
              + path.name()
              + ")");
    }
    placeInNamespace(config, path);
    return config;
  }

  /**
   * Sets the object's namespace to the URL's (none for cluster-scoped URLs).
   *
   * @throws Rejected 400 when the object names another namespace
   */
  static void placeInNamespace(Map<String, Object> object, ResourcePath path) {
    Map<String, Object> metadata = Trees.metadata(object);
    Object namespace = metadata.get("namespace");
    if (path.namespace() == null) {
      metadata.remove("namespace");
    } else if (namespace == null || "".equals(namespace)) {
      metadata.put("namespace", path.namespace());
    } else if (!namespace.equals(path.namespace())) {
      throw Rejected.badRequest(
          "the namespace of the provided object ("
              + namespace
              + ") does not match the namespace sent on the request ("
              + path.namespace()
              + ")");
    }
  }
}
