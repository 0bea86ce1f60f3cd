package dev.meshplay.gitops.render;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for object names (DNS-1123), which no Swagger schema states: most kinds take a
 * subdomain, a few (those that become DNS labels themselves) a label.
 */
final class NameRules {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int LABEL_MAX = 63;
  private static final int SUBDOMAIN_MAX = 253;

  /** Group-kinds whose names must be DNS-1123 labels (as {@link ObjectRef#groupKind()}). */
  private static final Set<String> LABEL_NAMED = Set.of("Namespace", "Service");

  private NameRules() {}

  /** Why the object's name breaks the rule for its kind; empty when it is fine. */
  static Optional<String> name(ObjectRef ref) {
    return LABEL_NAMED.contains(ref.groupKind()) ? label(ref.name()) : subdomain(ref.name());
  }

  static Optional<String> label(String value) {
    if (value.length() > LABEL_MAX) {
      return Optional.of("must be no more than 63 characters (a DNS-1123 label)");
    }
    return LABEL.matcher(value).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending"
                + " with a letter or digit");
  }

  static Optional<String> subdomain(String value) {
    if (value.length() > SUBDOMAIN_MAX) {
      return Optional.of("must be no more than 253 characters (a DNS-1123 subdomain)");
    }
    return SUBDOMAIN.matcher(value).matches()
        ? Optional.empty()
        : Optional.of(
            "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
                + " ending with a letter or digit");
  }
}
