package dev.meshplay.gitops.sandbox.fields;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A set of field paths: what one manager owns, or what an operation changed. Immutable; set
 * arithmetic returns new sets.
 */
public record FieldSet(SortedSet<FieldPath> paths) {
  private static final FieldSet EMPTY = new FieldSet(new TreeSet<>());

  public FieldSet {
    paths = Collections.unmodifiableSortedSet(new TreeSet<>(paths));
  }

  public static FieldSet empty() {
    return EMPTY;
  }

  public static FieldSet of(Collection<FieldPath> paths) {
    return new FieldSet(new TreeSet<>(paths));
  }

  public static FieldSet of(FieldPath... paths) {
    return of(List.of(paths));
  }

  /** Reads the {@code fieldsV1} tree of a managedFields entry. */
  public static FieldSet fromFieldsV1(Map<String, Object> fieldsV1) {
    return FieldsV1.decode(fieldsV1);
  }

  /** The {@code fieldsV1} tree of this set. */
  public Map<String, Object> toFieldsV1() {
    return FieldsV1.encode(this);
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  public boolean contains(FieldPath path) {
    return paths.contains(path);
  }

  public Stream<FieldPath> stream() {
    return paths.stream();
  }

  public FieldSet union(FieldSet other) {
    TreeSet<FieldPath> all = new TreeSet<>(paths);
    all.addAll(other.paths);
    return new FieldSet(all);
  }

  public FieldSet difference(FieldSet other) {
    return filter(p -> !other.contains(p));
  }

  public FieldSet intersection(FieldSet other) {
    return filter(other::contains);
  }

  private FieldSet filter(Predicate<FieldPath> keep) {
    return of(paths.stream().filter(keep).toList());
  }
}
