package dev.meshplay.gitops.sandbox.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The path of one field, list item or set item inside an object. */
public record FieldPath(List<PathElement> elements) implements Comparable<FieldPath> {
  public FieldPath {
    elements = List.copyOf(elements);
  }

  /** The path of the object itself. */
  public static FieldPath root() {
    return new FieldPath(List.of());
  }

  /** A path of map fields, e.g. {@code FieldPath.of("spec", "replicas")}. */
  public static FieldPath of(String... fields) {
    FieldPath path = root();
    for (String field : fields) {
      path = path.child(new PathElement.Field(field));
    }
    return path;
  }

  public FieldPath child(PathElement element) {
    List<PathElement> longer = new ArrayList<>(elements);
    longer.add(element);
    return new FieldPath(longer);
  }

  public FieldPath child(String field) {
    return child(new PathElement.Field(field));
  }

  public PathElement last() {
    return elements.getLast();
  }

  /** The map field names along the path, which is what list merge rules look at. */
  public List<String> fieldNames() {
    return elements.stream()
        .filter(PathElement.Field.class::isInstance)
        .map(e -> ((PathElement.Field) e).name())
        .toList();
  }

  @Override
  public int compareTo(FieldPath other) {
    for (int i = 0; i < Math.min(elements.size(), other.elements.size()); i++) {
      int c = elements.get(i).compareTo(other.elements.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(elements.size(), other.elements.size());
  }

  /** As Kubernetes prints it: {@code .spec.template.spec.containers[name="web"].image}. */
  @Override
  public String toString() {
    return elements.stream().map(PathElement::display).collect(Collectors.joining());
  }
}
