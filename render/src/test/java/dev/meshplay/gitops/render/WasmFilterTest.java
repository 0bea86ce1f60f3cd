package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static dev.meshplay.gitops.render.TestRepository.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.render.wasm.WasmModuleCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WasmFilterTest {
  @TempDir Path dir;

  private static final String DESIGN =
      """
      id: d1
      name: rate-limit
      schemaVersion: designs.meshery.io/v1beta1
      components:
      - id: wasm-1
        displayName: ratelimit
        component: {kind: WASMFilter, version: core.meshery.io/v1alpha1}
        model: {name: meshery-core}
        metadata: {isAnnotation: true}
        configuration:
          wasmFilter: https://filters.example.com/ratelimit.wasm
          config: |
            name: ratelimit
            config:
              vm_config:
                runtime: envoy.wasm.runtime.v8
                code:
                  remote:
                    http_uri: {uri: "https://filters.example.com/ratelimit.wasm", timeout: 5s}
      - id: ef-1
        displayName: ratelimit-filter
        component: {kind: EnvoyFilter, version: networking.istio.io/v1alpha3}
        configuration:
          metadata: {namespace: shop}
          spec:
            configPatches:
            - applyTo: HTTP_FILTER
              patch: {operation: INSERT_BEFORE}
      relationships:
      - id: r1
        kind: hierarchical
        type: parent
        subType: wallet
        selectors:
        - allow:
            from: [{id: wasm-1, kind: WASMFilter}]
            to: [{id: ef-1, kind: EnvoyFilter}]
      """;

  @Test
  void walletRelationshipPutsTheFilterConfigIntoItsEnvoyFilterWithTheModuleDigest() {
    byte[] module = Wasm.proxyWasmFilter();
    RenderedSet set =
        TestRepository.in(dir)
            .file("designs/ratelimit.yaml", DESIGN)
            .bytes("designs/filters/ratelimit.wasm", module)
            .render();

    RenderedDesign design = design(set, "designs/ratelimit.yaml");
    assertThat(design.diagnostics()).isEmpty();
    assertThat(design.objects()).extracting(o -> o.ref().kind()).containsExactly("EnvoyFilter");
    RenderedObject filter = object(design, "EnvoyFilter", "ratelimit-filter");
    Object value =
        ObjectPaths.read(filter.body(), List.of("spec", "configPatches", 0, "patch", "value"));
    assertThat(value).isInstanceOf(Map.class);
    Object remote = ObjectPaths.read(value, List.of("config", "vm_config", "code", "remote"));
    assertThat(remote)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("sha256", WasmModuleCheck.of(module).sha256());
    assertThat(design.declaredRelationships())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.classification()).isEqualTo("hierarchical/parent/wallet");
              assertThat(r.from().getFirst().ref()).isNull();
              assertThat(r.to().getFirst().ref()).hasToString("EnvoyFilter/shop/ratelimit-filter");
            });
  }

  @Test
  void moduleWithoutTheProxyWasmAbiIsAnErrorOfItsDirectory() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/filters/readme.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: r}\n")
            .bytes("designs/filters/plain.wasm", Wasm.plainModule())
            .bytes("designs/filters/junk.wasm", "not wasm".getBytes())
            .render();

    assertThat(design(set, "designs/filters").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/filters/junk.wasm:1:1: error: not a WebAssembly module: " + junkMessage(),
            "designs/filters/plain.wasm:1:1: error: exports no proxy-wasm ABI version (one of"
                + " proxy_abi_version_0_1_0, proxy_abi_version_0_2_0, proxy_abi_version_0_2_1)",
            "designs/filters/plain.wasm:1:1: error: exports neither proxy_on_memory_allocate nor"
                + " malloc, which the host needs");
  }

  @Test
  void chicoryListsTheExportsOfAProxyWasmModule() {
    WasmModuleCheck check = WasmModuleCheck.of(Wasm.proxyWasmFilter());

    assertThat(check.valid()).isTrue();
    assertThat(check.exports())
        .containsExactly("proxy_abi_version_0_2_1", "proxy_on_memory_allocate", "memory");
    assertThat(check.sha256()).hasSize(64);
  }

  private static String junkMessage() {
    return WasmModuleCheck.of("not wasm".getBytes())
        .problems()
        .getFirst()
        .substring("not a WebAssembly module: ".length());
  }
}
