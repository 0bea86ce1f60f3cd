package dev.meshplay.gitops.render;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns networknt's errors into a field path and a sentence about what the schema expected. */
final class SchemaErrors {
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private SchemaErrors() {}

  /** The instance location as names and indices; for a missing required property, the property. */
  static List<Object> path(Error error) {
    List<Object> path = new ArrayList<>();
    NodePath location = error.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      path.add(location.getElement(i));
    }
    if (("required".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword()))
        && error.getProperty() != null) {
      path.add(error.getProperty());
    }
    return path;
  }

  /** {@code $.spec.containers[0].image}, as kubectl and kubeconform print fields. */
  static String jsonPath(List<Object> path) {
    StringBuilder text = new StringBuilder("$");
    for (Object element : path) {
      if (element instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else if (SIMPLE_NAME.matcher(String.valueOf(element)).matches()) {
        text.append('.').append(element);
      } else {
        text.append("['").append(element).append("']");
      }
    }
    return text.toString();
  }

  /** The schema's expectation in words, without networknt's own location prefix. */
  static String words(Error error) {
    String message = error.getMessage();
    String location = error.getInstanceLocation().toString();
    if (message.startsWith(location + ": ")) {
      message = message.substring(location.length() + 2);
    }
    return switch (error.getKeyword()) {
      case "required" -> "required field \"" + error.getProperty() + "\" is missing";
      case "additionalProperties" ->
          "field \"" + error.getProperty() + "\" is not defined by the schema (strict mode)";
      default -> message;
    };
  }
}
