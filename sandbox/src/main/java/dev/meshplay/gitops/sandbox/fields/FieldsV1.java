package dev.meshplay.gitops.sandbox.fields;

import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code FieldsV1} encoding of a {@link FieldSet}: a tree keyed by {@code f:}, {@code k:} and
 * {@code v:} elements, where {@code {}} is a member with nothing below it and {@code ".": {}} marks
 * a member that also has members below it.
 */
final class FieldsV1 {
  private static final String SELF = ".";

  private FieldsV1() {}

  static Map<String, Object> encode(FieldSet set) {
    Node root = new Node();
    set.stream().forEach(path -> root.insert(path.elements()));
    return root.encode();
  }

  static FieldSet decode(Map<String, Object> fieldsV1) {
    List<FieldPath> paths = new ArrayList<>();
    decode(FieldPath.root(), fieldsV1, paths);
    return FieldSet.of(paths);
  }

  private static void decode(FieldPath prefix, Map<String, Object> tree, List<FieldPath> into) {
    tree.forEach(
        (key, value) -> {
          if (key.equals(SELF)) {
            into.add(prefix);
            return;
          }
          FieldPath path = prefix.child(PathElement.decode(key));
          Map<String, Object> below = Trees.asMap(value);
          if (below == null || below.isEmpty()) {
            into.add(path);
          } else {
            decode(path, below, into);
          }
        });
  }

  /** A node of the tree under construction; children kept in fieldsV1 order. */
  private static final class Node {
    private boolean member;
    private final TreeMap<PathElement, Node> children = new TreeMap<>();

    void insert(List<PathElement> rest) {
      if (rest.isEmpty()) {
        member = true;
        return;
      }
      children
          .computeIfAbsent(rest.getFirst(), e -> new Node())
          .insert(rest.subList(1, rest.size()));
    }

    Map<String, Object> encode() {
      Map<String, Object> out = new LinkedHashMap<>();
      if (member && !children.isEmpty()) {
        out.put(SELF, new LinkedHashMap<>());
      }
      children.forEach((element, child) -> out.put(element.encode(), child.encode()));
      return out;
    }
  }
}
