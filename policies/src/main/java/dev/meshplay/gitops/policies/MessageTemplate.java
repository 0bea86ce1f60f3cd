package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.render.ObjectRef;

/** Fills the placeholders of a policy's static {@code message}. */
final class MessageTemplate {
  private MessageTemplate() {}

  static String fill(String template, ObjectRef ref, String design) {
    if (template.indexOf("{{") < 0) {
      return template;
    }
    return template
        .replace("{{object}}", ref.toString())
        .replace("{{kind}}", ref.kind())
        .replace("{{name}}", ref.name())
        .replace("{{namespace}}", String.valueOf(ref.namespace()))
        .replace("{{design}}", design);
  }
}
