package dev.meshplay.gitops.render;

import java.util.List;

/**
 * Meshery's wallet relationship (hierarchical/parent/wallet): a child's configuration is carried
 * inside its parent, as a WASMFilter's {@code config} lands in every {@code
 * spec.configPatches[].patch.value} of its EnvoyFilter. The child itself (an annotation component)
 * renders to nothing. A string value is decoded as YAML first, as Meshery's server does before
 * deploying, so Envoy receives a structure rather than text.
 */
final class WalletPatch {
  static final List<Object> DEFAULT_MUTATOR = List.of("configuration", "config");
  static final List<Object> DEFAULT_MUTATED =
      List.of("configuration", "spec", "configPatches", "_", "patch", "value");

  private WalletPatch() {}

  static void apply(
      String file,
      YamlNode.Mapping relationship,
      List<RelationshipReader.Side> children,
      List<RelationshipReader.Side> parents,
      MesheryDesignReader.Components components,
      DesignBuilder design) {
    for (RelationshipReader.Side child : children) {
      YamlNode.Mapping declared = components.declared.get(child.end().componentId());
      for (RelationshipReader.Side parent : parents) {
        RenderedObject target = components.objects.get(parent.end().componentId());
        if (declared == null || target == null) {
          design.report(
              error(
                  file,
                  relationship,
                  "wallet relationship names components that are not in the design ("
                      + child.end().componentId()
                      + " -> "
                      + parent.end().componentId()
                      + ")"));
          continue;
        }
        List<Object> from =
            ObjectPaths.ref(child.item(), parent.item(), "mutatorRef", DEFAULT_MUTATOR);
        List<Object> to =
            ObjectPaths.ref(child.item(), parent.item(), "mutatedRef", DEFAULT_MUTATED);
        String childName = declared.text("displayName", "display_name");
        Object value;
        try {
          value = ObjectPaths.decoded(ObjectPaths.read(declared.toValue(), from));
        } catch (YamlException e) {
          design.report(
              error(file, declared, childName + ": config is not valid YAML: " + e.getMessage()));
          continue;
        }
        if (value == null) {
          design.report(
              error(file, declared, childName + " has no " + String.join(".", strings(from))));
          continue;
        }
        int written = ObjectPaths.write(target.body(), to.subList(1, to.size()), value);
        if (written == 0) {
          design.report(
              error(
                  file,
                  relationship,
                  target.ref()
                      + " has no "
                      + String.join(".", strings(to.subList(1, to.size())))
                      + " to receive the config of "
                      + childName));
        }
      }
    }
  }

  private static List<String> strings(List<Object> path) {
    return path.stream().map(String::valueOf).toList();
  }

  private static Diagnostic error(String file, YamlNode at, String message) {
    return Diagnostic.error(file, at.line(), at.position().column(), message);
  }
}
