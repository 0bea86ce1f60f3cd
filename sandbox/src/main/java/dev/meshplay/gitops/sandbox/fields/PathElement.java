package dev.meshplay.gitops.sandbox.fields;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One step of a {@link FieldPath}, as structured-merge-diff names it: a map key, the key of an item
 * in a keyed list, or the value of an item in a set list.
 */
public sealed interface PathElement extends Comparable<PathElement> {

  /** The element as a fieldsV1 key: {@code f:name}, {@code k:{"name":"web"}}, {@code v:"x"}. */
  String encode();

  /** The element as Kubernetes prints it in conflicts: {@code .name}, {@code [name="web"]}. */
  String display();

  /** A field of a map. */
  record Field(String name) implements PathElement {
    @Override
    public String encode() {
      return "f:" + name;
    }

    @Override
    public String display() {
      return "." + name;
    }
  }

  /** An item of a keyed list, named by its key fields (sorted by name). */
  record Key(SortedMap<String, Object> fields) implements PathElement {
    public Key {
      fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    @Override
    public String encode() {
      return "k:" + Documents.toJson(fields);
    }

    @Override
    public String display() {
      return fields.entrySet().stream()
          .map(e -> e.getKey() + "=" + Documents.toJson(e.getValue()))
          .collect(Collectors.joining(",", "[", "]"));
    }
  }

  /** An item of a set list, named by its value. */
  record Value(Object value) implements PathElement {
    @Override
    public String encode() {
      return "v:" + Documents.toJson(value);
    }

    @Override
    public String display() {
      return "[=" + Documents.toJson(value) + "]";
    }
  }

  /** Reads a fieldsV1 key. */
  static PathElement decode(String encoded) {
    String body = encoded.length() > 2 ? encoded.substring(2) : "";
    return switch (encoded.substring(0, Math.min(2, encoded.length()))) {
      case "f:" -> new Field(body);
      case "k:" -> {
        Map<String, Object> key = Trees.asMap(Documents.parse(body));
        if (key == null) {
          throw new IllegalArgumentException("not a list key: " + encoded);
        }
        yield new Key(new TreeMap<>(key));
      }
      case "v:" -> new Value(Documents.parse(body));
      default -> throw new IllegalArgumentException("unsupported fieldsV1 key: " + encoded);
    };
  }

  /** Fields sort before keys, keys before values, each by its encoding, as in fieldsV1. */
  @Override
  default int compareTo(PathElement other) {
    int byKind = Integer.compare(rank(this), rank(other));
    return byKind != 0 ? byKind : encode().compareTo(other.encode());
  }

  private static int rank(PathElement element) {
    return switch (element) {
      case Field f -> 0;
      case Key k -> 1;
      case Value v -> 2;
    };
  }
}
