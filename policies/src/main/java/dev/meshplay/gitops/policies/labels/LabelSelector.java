package dev.meshplay.gitops.policies.labels;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}), used both by
 * policy matches and by relationship inference (Services, NetworkPolicies, PodDisruptionBudgets). A
 * selector without terms selects everything, as in Kubernetes.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {

  public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  /** One {@code matchExpressions} term. */
  public record Requirement(String key, Operator operator, List<String> values) {
    public Requirement {
      values = List.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case IN -> value != null && values.contains(value);
        case NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
    }
  }

  /** The operators Kubernetes accepts in {@code matchExpressions}. */
  public enum Operator {
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST;

    /**
     * Parses {@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist}; null when unknown.
     */
    public static Operator parse(String text) {
      return switch (String.valueOf(text)) {
        case "In" -> IN;
        case "NotIn" -> NOT_IN;
        case "Exists" -> EXISTS;
        case "DoesNotExist" -> DOES_NOT_EXIST;
        default -> null;
      };
    }
  }

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    expressions = List.copyOf(expressions);
  }

  /** A plain map selector, as in a Service's {@code spec.selector}. */
  public static LabelSelector ofLabels(Map<String, String> labels) {
    return new LabelSelector(labels, List.of());
  }

  /**
   * Reads a {@code {matchLabels, matchExpressions}} tree from a rendered body. Unknown operators
   * make the selector select nothing, since Kubernetes would reject the object anyway.
   */
  public static LabelSelector fromTree(Object tree) {
    if (!(tree instanceof Map<?, ?> map)) {
      return EVERYTHING;
    }
    Map<String, String> labels = Labels.stringMap(map.get("matchLabels"));
    List<Requirement> requirements = new java.util.ArrayList<>();
    if (map.get("matchExpressions") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> term) {
          Operator op = Operator.parse(String.valueOf(term.get("operator")));
          List<String> values =
              term.get("values") instanceof List<?> vs
                  ? vs.stream().map(String::valueOf).toList()
                  : List.of();
          if (op == null) {
            return new LabelSelector(
                Map.of(), List.of(new Requirement("", Operator.IN, List.of())));
          }
          requirements.add(new Requirement(String.valueOf(term.get("key")), op, values));
        }
      }
    }
    return new LabelSelector(labels, requirements);
  }

  public boolean isEmpty() {
    return matchLabels.isEmpty() && expressions.isEmpty();
  }

  public boolean matches(Map<String, String> labels) {
    for (var entry : matchLabels.entrySet()) {
      if (!entry.getValue().equals(labels.get(entry.getKey()))) {
        return false;
      }
    }
    return expressions.stream().allMatch(r -> r.matches(labels));
  }
}
