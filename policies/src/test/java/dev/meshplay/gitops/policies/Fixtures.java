package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Builds rendered objects straight from multi-document YAML, the way render/ would for a folder of
 * plain manifests (values as SnakeYAML gives them, Integers included), with each document's line.
 */
final class Fixtures {
  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<RenderedObject> objects(String file, String text) {
    List<RenderedObject> objects = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int start = 0;
    for (int i = 0; i <= lines.length; i++) {
      if (i == lines.length || lines[i].equals("---")) {
        String doc = String.join("\n", java.util.Arrays.copyOfRange(lines, start, i));
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(doc);
        if (tree instanceof Map<?, ?> map) {
          objects.add(
              object((Map<String, Object>) map, new Provenance(file, firstKeyLine(lines, start))));
        }
        start = i + 1;
      }
    }
    return objects;
  }

  static RenderedObject object(Map<String, Object> body, Provenance provenance) {
    Map<?, ?> metadata = (Map<?, ?>) body.get("metadata");
    Object ns = metadata.get("namespace");
    var ref =
        new ObjectRef(
            String.valueOf(body.get("apiVersion")),
            String.valueOf(body.get("kind")),
            ns == null ? null : ns.toString(),
            String.valueOf(metadata.get("name")));
    return new RenderedObject(ref, body, provenance);
  }

  static RenderedSet design(String key, List<RenderedObject> objects) {
    return new RenderedSet(
        List.of(new RenderedDesign(key, key, DesignFormat.MANIFESTS, objects, List.of(), 0)));
  }

  private static int firstKeyLine(String[] lines, int from) {
    for (int i = from; i < lines.length; i++) {
      if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
        return i + 1;
      }
    }
    return from + 1;
  }
}
