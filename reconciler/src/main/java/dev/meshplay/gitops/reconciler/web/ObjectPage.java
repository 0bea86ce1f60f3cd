package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.reconciler.manifest.ManifestStore;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedObject;
import io.helidon.common.parameters.Parameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One object of a design as it is applied ({@code /object}, {@code /api/v1/object}): the rendered
 * body with our ownership marks, Secret values redacted, shown as YAML.
 */
final class ObjectPage {
  /** An object found in a design's manifest. */
  record Found(DesignRef.Found design, RenderedObject object) {}

  private ObjectPage() {}

  /** The object the query names ({@code source, cluster, path, kind, namespace, name}). */
  static Optional<Found> find(
      Parameters query, List<SourceStatus> sources, ManifestStore manifests) {
    DesignRef ref =
        new DesignRef(
            query.first("source").orElse(""),
            query.first("cluster").orElse(""),
            query.first("path").orElse(""));
    String kind = query.first("kind").orElse("");
    String namespace = query.first("namespace").filter(n -> !n.isEmpty()).orElse(null);
    String name = query.first("name").orElse("");
    return ref.find(sources)
        .flatMap(
            found ->
                manifests
                    .find(ref.source(), ref.cluster(), ref.path())
                    .flatMap(
                        m ->
                            m.objects().stream()
                                .filter(
                                    o ->
                                        o.ref().kind().equals(kind)
                                            && o.ref().name().equals(name)
                                            && Objects.equals(o.ref().namespace(), namespace))
                                .findFirst())
                    .map(o -> new Found(found, o)));
  }

  /** The page's address for an object of a design, escaped for an HTML attribute. */
  static String url(DesignRef design, ObjectRef ref) {
    return "/object?"
        + design.query()
        + "&amp;kind="
        + encode(ref.kind())
        + "&amp;namespace="
        + encode(ref.namespace() == null ? "" : ref.namespace())
        + "&amp;name="
        + encode(ref.name());
  }

  static String render(Found found) {
    RenderedObject o = found.object();
    DesignRef design =
        DesignRef.of(found.design().source(), found.design().cluster(), found.design().design());
    StringBuilder html = new StringBuilder(4096);
    html.append("<h2><code>")
        .append(escape(o.ref()))
        .append("</code></h2><p>In design <a href=\"")
        .append(design.pageUrl())
        .append("\">")
        .append(escape(found.design().design().name()))
        .append("</a>, cluster ")
        .append(escape(design.cluster()))
        .append(", declared at <code>")
        .append(escape(o.provenance()))
        .append("</code>. As last applied")
        .append("Secret".equals(o.ref().kind()) ? ", values redacted" : "")
        .append(".</p><pre class=\"yaml\"><code>")
        .append(escape(ObjectYaml.of(o)))
        .append("</code></pre>");
    return Layout.page(o.ref().toString(), null, 0, html);
  }

  static String json(Found found) {
    RenderedObject o = found.object();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", found.design().source().name());
    m.put("cluster", found.design().cluster().cluster());
    m.put("path", found.design().design().key());
    m.put("apiVersion", o.ref().apiVersion());
    m.put("kind", o.ref().kind());
    m.put("namespace", o.ref().namespace());
    m.put("name", o.ref().name());
    m.put("declaredAt", o.provenance() == null ? null : o.provenance().toString());
    m.put("object", SecretRedaction.body(o));
    m.put("yaml", ObjectYaml.of(o));
    return StatusJson.write(m);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
