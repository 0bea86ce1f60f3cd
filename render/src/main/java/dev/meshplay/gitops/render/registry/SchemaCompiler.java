package dev.meshplay.gitops.render.registry;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Compiles component schemas with networknt, once: built-in kinds by their {@code $ref} into the
 * bundled Kubernetes definitions (registered under {@link #BUNDLE}), schemas from CRDs and Meshery
 * models by their text, so the same CRD committed again compiles from the cache.
 */
final class SchemaCompiler {
  static final String BUNDLE = "https://schemas.meshplay.dev/kubernetes.json";
  static final String STRICT_BUNDLE = "https://schemas.meshplay.dev/kubernetes-strict.json";
  private static final int MAX_INLINE_SCHEMAS = 512;

  private final SchemaRegistry registry;
  private final Map<String, Schema> byRef = new ConcurrentHashMap<>();
  private final Map<String, Schema> inline =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
              return size() > MAX_INLINE_SCHEMAS;
            }
          });

  /**
   * @param bundle the built-in definitions document ({@code {"definitions": {...}}})
   */
  SchemaCompiler(JsonNode bundle) {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(false)
            .pathType(PathType.JSON_PATH)
            .build();
    Map<String, String> documents = new ConcurrentHashMap<>();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder ->
                builder
                    .schemaRegistryConfig(config)
                    .schemas(
                        uri ->
                            switch (uri) {
                              case BUNDLE -> documents.computeIfAbsent(uri, u -> bundle.toString());
                              case STRICT_BUNDLE ->
                                  documents.computeIfAbsent(
                                      uri, u -> OpenApiSchemas.strict(bundle).toString());
                              default -> null;
                            }));
  }

  /** The compiled schema of a definition; strict adds {@code additionalProperties: false}. */
  Schema compile(ComponentDefinition definition, boolean strict) {
    JsonNode schema = definition.schema();
    JsonNode ref = schema.get("$ref");
    if (schema.size() == 1 && ref != null && ref.asString().startsWith(BUNDLE + "#")) {
      String location =
          strict ? STRICT_BUNDLE + ref.asString().substring(BUNDLE.length()) : ref.asString();
      return byRef.computeIfAbsent(location, l -> registry.getSchema(SchemaLocation.of(l)));
    }
    JsonNode effective = strict ? OpenApiSchemas.strict(schema) : schema;
    String text = effective.toString();
    Schema cached = inline.get(text);
    if (cached == null) {
      cached = registry.getSchema(effective);
      inline.put(text, cached);
    }
    return cached;
  }
}
