package dev.meshplay.gitops.render.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Build-time generator of the built-in Kubernetes model (run by the module's pom in {@code
 * process-classes}). It reads the Swagger 2.0 document packaged in {@code
 * io.fabric8:kubernetes-model-validator} and writes every top-level {@code io.k8s.api} kind with
 * its apiVersion, scope and the definitions it reaches, normalised by {@link OpenApiSchemas}. The
 * Swagger document lacks {@code apiextensions.k8s.io/v1}; {@link ModelClassDefinitions} derives it
 * from fabric8's model classes on the generator's classpath. Nothing here runs in production; the
 * output is a resource of the jar.
 */
public final class KubernetesModelGenerator {
  private static final String REF_PREFIX = "#/definitions/";

  private KubernetesModelGenerator() {}

  /**
   * @param args the Swagger file, a label naming its source artefact, and the output file
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: SWAGGER_JSON SOURCE_LABEL OUTPUT_JSON");
    }
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode swagger = mapper.readTree(Path.of(args[0]).toFile());
    ObjectNode definitions = (ObjectNode) swagger.path("definitions");
    ModelClassDefinitions.derive(List.of(ModelClassDefinitions.CUSTOM_RESOURCE_DEFINITION))
        .forEach(definitions::set);
    ObjectNode model = generate(mapper, definitions, args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out.getParent());
    mapper.writeValue(out.toFile(), model);
    System.out.printf(
        "kubernetes model: %d kinds, %d definitions -> %s%n",
        model.path("kinds").size(), model.path("definitions").size(), out);
  }

  static ObjectNode generate(JsonMapper mapper, JsonNode definitions, String source) {
    Map<String, ObjectNode> kinds = new TreeMap<>();
    Deque<String> pending = new ArrayDeque<>();
    for (String name : new TreeSet<>(definitions.propertyNames())) {
      JsonNode info = definitions.path(name).path("x-fabric8-info");
      String[] parts = name.split("\\.");
      if (!name.startsWith("io.k8s.api.")
          || parts.length != 6
          || !"object".equals(info.path("Type").asString())
          || info.path("Kind").asString().isEmpty()) {
        continue;
      }
      String group = info.path("Group").asString();
      if (group.isEmpty() && !"core".equals(parts[3])) {
        group = parts[3]; // fabric8 leaves the group empty for apps, batch, autoscaling, policy
      }
      String apiVersion = group.isEmpty() ? parts[4] : group + "/" + parts[4];
      ObjectNode kind = mapper.createObjectNode();
      kind.put("apiVersion", apiVersion);
      kind.put("kind", info.path("Kind").asString());
      kind.put("namespaced", !"Clustered".equals(info.path("Scope").asString()));
      kind.put("definition", name);
      kinds.put(apiVersion + "/" + kind.path("kind").asString(), kind);
      pending.add(name);
    }
    Map<String, JsonNode> reached = new TreeMap<>();
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (reached.containsKey(name) || !definitions.has(name)) {
        continue;
      }
      JsonNode normalised = OpenApiSchemas.normalise(definitions.path(name), name);
      reached.put(name, normalised);
      refs(normalised, pending);
    }
    ObjectNode model = mapper.createObjectNode();
    model.put("source", source + " openshift-generated.json");
    ArrayNode list = model.putArray("kinds");
    kinds.values().forEach(list::add);
    ObjectNode defs = model.putObject("definitions");
    reached.forEach(defs::set);
    return model;
  }

  private static void refs(JsonNode node, Deque<String> pending) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(REF_PREFIX)) {
        pending.add(ref.asString().substring(REF_PREFIX.length()));
      }
    }
    if (node.isContainer()) {
      node.values().forEach(child -> refs(child, pending));
    }
  }
}
