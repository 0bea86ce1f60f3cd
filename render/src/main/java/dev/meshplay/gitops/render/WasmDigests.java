package dev.meshplay.gitops.render;

import dev.meshplay.gitops.render.wasm.WasmModuleCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's {@code .wasm} files: each is checked to be a proxy-wasm module (a bad one is an
 * error of the design that owns its directory), and where an object tells Envoy to fetch a module
 * of the same file name ({@code vm_config.code.remote.http_uri.uri}, or an Istio WasmPlugin's
 * {@code spec.url}), its sha256 is filled in: Envoy refuses a remote module without one.
 */
final class WasmDigests {
  private static final long MAX_BYTES = 64L * 1024 * 1024;
  private final Map<String, String> shaByName = new HashMap<>();

  private WasmDigests() {}

  static WasmDigests check(Path root, RepositoryLayout layout) {
    var digests = new WasmDigests();
    for (String file : layout.wasmFiles()) {
      try {
        Path path = root.resolve(file);
        if (Files.size(path) > MAX_BYTES) {
          layout.problem(Diagnostic.error(file, 0, 0, "WebAssembly module over 64 MiB"));
          continue;
        }
        WasmModuleCheck check = WasmModuleCheck.of(Files.readAllBytes(path));
        check.problems().forEach(p -> layout.problem(Diagnostic.error(file, 0, 0, p)));
        if (check.valid()) {
          digests.shaByName.put(DirectoryDesigns.lastSegment(file), check.sha256());
        }
      } catch (IOException e) {
        layout.problem(Diagnostic.error(file, 0, 0, "cannot read: " + e.getMessage()));
      }
    }
    return digests;
  }

  /** The committed modules by file name and digest: empty text when there are none. */
  String fingerprint() {
    return new java.util.TreeMap<>(shaByName).toString();
  }

  void fill(DesignBuilder design) {
    if (shaByName.isEmpty()) {
      return;
    }
    for (RenderedObject object : design.objects()) {
      Map<String, Object> body = object.body();
      if ("WasmPlugin".equals(object.ref().kind()) && body.get("spec") instanceof Map<?, ?> spec) {
        set(object, cast(spec), "url", design);
      }
      walk(object, body, design);
    }
  }

  private void walk(RenderedObject object, Object node, DesignBuilder design) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("remote") instanceof Map<?, ?> remote) {
        Object uri =
            remote.get("http_uri") != null ? remote.get("http_uri") : remote.get("httpUri");
        if (uri instanceof Map<?, ?> httpUri) {
          set(object, cast(remote), httpUri.get("uri"), design);
        }
      }
      map.values().forEach(child -> walk(object, child, design));
    } else if (node instanceof List<?> list) {
      list.forEach(child -> walk(object, child, design));
    }
  }

  private void set(
      RenderedObject object, Map<String, Object> holder, Object url, DesignBuilder design) {
    if (!(url instanceof String text)) {
      return;
    }
    String sha = shaByName.get(text.substring(text.lastIndexOf('/') + 1));
    if (sha == null) {
      return;
    }
    Object written = holder.putIfAbsent("sha256", sha);
    if (written != null && !sha.equals(written)) {
      Provenance at = object.provenance();
      design.report(
          Diagnostic.error(
              at.file(),
              at.line(),
              0,
              object.ref()
                  + ": sha256 "
                  + written
                  + " does not match the committed module "
                  + text
                  + " ("
                  + sha
                  + ")"));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
