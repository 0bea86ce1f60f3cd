package dev.meshplay.gitops.render.registry;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Build-time derivation of Swagger definitions from fabric8's model classes, for the API groups the
 * packaged Swagger document leaves out ({@code apiextensions.k8s.io/v1}). Each class becomes an
 * object schema of its {@code @JsonProperty} fields; field types map to JSON types. The classes
 * carry no "required" or format facts, so the schemas check shape and types only.
 *
 * <p>Classes are found by name on the generator's classpath so that render/ itself never depends on
 * fabric8.
 */
final class ModelClassDefinitions {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String FABRIC8_MODEL = "io.fabric8.kubernetes.api.model.";

  /** Core classes the Swagger document already defines, by the name it uses. */
  private static final Map<String, String> KNOWN =
      Map.of(
          FABRIC8_MODEL + "ObjectMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
          FABRIC8_MODEL + "ListMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta");

  /** Unions serialised as one of several JSON shapes, and free-form JSON: any value passes. */
  private static final Set<String> ANY_VALUE =
      Set.of(
          "JSON",
          "JSONSchemaPropsOrArray",
          "JSONSchemaPropsOrBool",
          "JSONSchemaPropsOrStringArray");

  /** A root kind to derive: its class, API group, version, kind and scope. */
  record Root(String className, String group, String version, String kind, boolean namespaced) {}

  static final Root CUSTOM_RESOURCE_DEFINITION =
      new Root(
          FABRIC8_MODEL + "apiextensions.v1.CustomResourceDefinition",
          "apiextensions.k8s.io",
          "v1",
          "CustomResourceDefinition",
          false);

  private ModelClassDefinitions() {}

  /**
   * @return Swagger-shaped definitions named {@code io.k8s.api.<group>.<version>.<Class>}, the
   *     roots carrying the {@code x-fabric8-info} the generator selects kinds by
   * @throws IllegalStateException when a root class is not on the classpath
   */
  static Map<String, JsonNode> derive(Collection<Root> roots) {
    Map<String, JsonNode> definitions = new TreeMap<>();
    for (Root root : roots) {
      Class<?> type = load(root.className());
      Deque<Class<?>> pending = new ArrayDeque<>();
      ObjectNode schema = objectSchema(type, pending);
      ObjectNode info = schema.putObject("x-fabric8-info");
      info.put("Type", "object");
      info.put("Group", root.group());
      info.put("Version", root.version());
      info.put("Kind", root.kind());
      info.put("Scope", root.namespaced() ? "Namespaced" : "Clustered");
      definitions.put(name(type), schema);
      while (!pending.isEmpty()) {
        Class<?> next = pending.poll();
        if (!definitions.containsKey(name(next))) {
          definitions.put(name(next), objectSchema(next, pending));
        }
      }
    }
    return definitions;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          className + " is not on the generator's classpath (see render/pom.xml)", e);
    }
  }

  /** The Swagger naming: io.k8s.api.apiextensions.v1.JSONSchemaProps. */
  private static String name(Class<?> type) {
    String model = type.getName().substring(FABRIC8_MODEL.length());
    return "io.k8s.api." + model;
  }

  private static ObjectNode objectSchema(Class<?> type, Deque<Class<?>> pending) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        String property = jsonProperty(field);
        if (property != null && !Modifier.isStatic(field.getModifiers())) {
          properties.set(property, typeSchema(field.getGenericType(), pending));
        }
      }
    }
    return schema;
  }

  private static JsonNode typeSchema(Type type, Deque<Class<?>> pending) {
    if (type instanceof ParameterizedType generic) {
      Class<?> raw = (Class<?>) generic.getRawType();
      Type[] args = generic.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        ObjectNode array = NODES.objectNode().put("type", "array");
        array.set("items", typeSchema(args[0], pending));
        return array;
      }
      if (Map.class.isAssignableFrom(raw)) {
        ObjectNode map = NODES.objectNode().put("type", "object");
        map.set("additionalProperties", typeSchema(args[1], pending));
        return map;
      }
      return NODES.objectNode();
    }
    if (!(type instanceof Class<?> c)) {
      return NODES.objectNode();
    }
    String json = jsonType(c);
    if (json != null) {
      return NODES.objectNode().put("type", json);
    }
    if (KNOWN.containsKey(c.getName())) {
      return NODES.objectNode().put("$ref", "#/definitions/" + KNOWN.get(c.getName()));
    }
    if (!c.getName().startsWith(FABRIC8_MODEL) || ANY_VALUE.contains(c.getSimpleName())) {
      return NODES.objectNode(); // JsonNode, Object, the unions: any value
    }
    pending.add(c);
    return NODES.objectNode().put("$ref", "#/definitions/" + name(c));
  }

  /** The value of a field's Jackson {@code @JsonProperty}, read without linking to Jackson 2. */
  private static String jsonProperty(Field field) {
    String name = null;
    for (Annotation annotation : field.getDeclaredAnnotations()) {
      String type = annotation.annotationType().getSimpleName();
      if ("JsonIgnore".equals(type)) {
        return null;
      }
      if ("JsonProperty".equals(type)) {
        try {
          name = (String) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read @JsonProperty of " + field, e);
        }
      }
    }
    return name == null || name.isEmpty() ? null : name;
  }

  /** The JSON type a Java value type serialises to, or null for objects. */
  private static String jsonType(Class<?> c) {
    if (c == String.class || c.isEnum()) {
      return "string";
    }
    if (c == Boolean.class || c == boolean.class) {
      return "boolean";
    }
    if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
      return "integer";
    }
    if (Number.class.isAssignableFrom(c) || c == double.class || c == float.class) {
      return "number";
    }
    return null;
  }
}
