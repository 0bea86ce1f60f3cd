package dev.meshplay.gitops.render.wasm;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a committed {@code .wasm} file is: its sha256 (which Envoy checks a downloaded module
 * against), its exports, and why it would not load as an Envoy filter. Parsed with Chicory, a
 * pure-Java WebAssembly implementation; nothing is instantiated or run.
 *
 * @param problems empty when the file is a WebAssembly module exporting the proxy-wasm ABI
 */
public record WasmModuleCheck(String sha256, List<String> exports, List<String> problems) {
  private static final List<String> ABI_VERSIONS =
      List.of("proxy_abi_version_0_1_0", "proxy_abi_version_0_2_0", "proxy_abi_version_0_2_1");

  public WasmModuleCheck {
    exports = List.copyOf(exports);
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  public static WasmModuleCheck of(byte[] bytes) {
    String sha256 = sha256(bytes);
    WasmModule module;
    try {
      module = Parser.parse(bytes);
    } catch (RuntimeException e) {
      return new WasmModuleCheck(
          sha256, List.of(), List.of("not a WebAssembly module: " + e.getMessage()));
    }
    List<String> functions = new ArrayList<>();
    List<String> exports = new ArrayList<>();
    boolean memory = false;
    ExportSection section = module.exportSection();
    for (int i = 0; i < section.exportCount(); i++) {
      var export = section.getExport(i);
      exports.add(export.name());
      if (export.exportType() == ExternalType.FUNCTION) {
        functions.add(export.name());
      } else if (export.exportType() == ExternalType.MEMORY) {
        memory = true;
      }
    }
    List<String> problems = new ArrayList<>();
    if (functions.stream().noneMatch(ABI_VERSIONS::contains)) {
      problems.add(
          "exports no proxy-wasm ABI version (one of " + String.join(", ", ABI_VERSIONS) + ")");
    }
    if (!functions.contains("proxy_on_memory_allocate") && !functions.contains("malloc")) {
      problems.add("exports neither proxy_on_memory_allocate nor malloc, which the host needs");
    }
    if (!memory) {
      problems.add("exports no memory");
    }
    return new WasmModuleCheck(sha256, exports, problems);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
