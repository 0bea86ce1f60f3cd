package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code relationships} of a Meshery design as values: each selector's {@code allow.from} and
 * {@code allow.to} items, with component ids resolved to the objects those components rendered to.
 * Wallet relationships (hierarchical/parent/wallet) are also applied, see {@link WalletPatch}.
 */
final class RelationshipReader {

  private RelationshipReader() {}

  static void read(
      String file,
      String designId,
      YamlNode.Sequence relationships,
      MesheryDesignReader.Components components,
      DesignBuilder design) {
    for (YamlNode node : relationships.items()) {
      if (!(node instanceof YamlNode.Mapping relationship)) {
        design.report(
            Diagnostic.error(
                file, node.line(), node.position().column(), "relationship is not a mapping"));
        continue;
      }
      List<Side> from = new ArrayList<>();
      List<Side> to = new ArrayList<>();
      relationship
          .sequence("selectors")
          .ifPresent(selectors -> selectors.items().forEach(s -> collect(s, components, from, to)));
      var value =
          new Relationship(
              relationship.text("id"),
              relationship.text("kind"),
              relationship.text("type"),
              relationship.text("subType", "sub_type"),
              relationship.text("status"),
              from.stream().map(Side::end).toList(),
              to.stream().map(Side::end).toList(),
              new Provenance(file, relationship.line(), designId, null));
      design.declare(value);
      if ("hierarchical/parent/wallet".equalsIgnoreCase(value.classification())) {
        WalletPatch.apply(file, relationship, from, to, components, design);
      }
    }
  }

  /** One selector item: the resolved end and the item itself (its {@code patch} refs). */
  record Side(Relationship.End end, YamlNode.Mapping item) {}

  private static void collect(
      YamlNode selector,
      MesheryDesignReader.Components components,
      List<Side> from,
      List<Side> to) {
    if (!(selector instanceof YamlNode.Mapping mapping)) {
      return;
    }
    mapping
        .mapping("allow")
        .ifPresent(
            allow -> {
              sides(allow, "from", components, from);
              sides(allow, "to", components, to);
            });
  }

  private static void sides(
      YamlNode.Mapping allow,
      String direction,
      MesheryDesignReader.Components components,
      List<Side> into) {
    allow
        .sequence(direction)
        .ifPresent(
            items -> {
              for (YamlNode item : items.items()) {
                if (item instanceof YamlNode.Mapping side) {
                  String id = side.text("id");
                  String kind = side.text("kind") == null ? "*" : side.text("kind");
                  RenderedObject object = id == null ? null : components.objects.get(id);
                  ObjectRef ref = object == null ? null : object.ref();
                  into.add(new Side(new Relationship.End(id, kind, ref), side));
                }
              }
            });
  }
}
