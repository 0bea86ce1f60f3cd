package dev.meshplay.gitops.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-assembled WebAssembly modules for tests: tiny, and exactly what the test needs. */
final class Wasm {
  private Wasm() {}

  /** A module exporting the proxy-wasm ABI version, an allocator and memory. */
  static byte[] proxyWasmFilter() {
    return module(true);
  }

  /** A valid module that exports only memory: no proxy-wasm ABI. */
  static byte[] plainModule() {
    return module(false);
  }

  private static byte[] module(boolean proxyWasm) {
    var out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
    section(out, 1, bytes(0x02, 0x60, 0x00, 0x00, 0x60, 0x01, 0x7f, 0x01, 0x7f));
    section(out, 3, bytes(0x02, 0x00, 0x01));
    section(out, 5, bytes(0x01, 0x00, 0x01));
    var exports = new ByteArrayOutputStream();
    exports.write(proxyWasm ? 3 : 1);
    if (proxyWasm) {
      export(exports, "proxy_abi_version_0_2_1", 0x00, 0);
      export(exports, "proxy_on_memory_allocate", 0x00, 1);
    }
    export(exports, "memory", 0x02, 0);
    section(out, 7, exports.toByteArray());
    section(out, 10, bytes(0x02, 0x02, 0x00, 0x0b, 0x04, 0x00, 0x20, 0x00, 0x0b));
    return out.toByteArray();
  }

  private static void export(ByteArrayOutputStream out, String name, int kind, int index) {
    byte[] text = name.getBytes(StandardCharsets.UTF_8);
    out.write(text.length);
    out.writeBytes(text);
    out.write(kind);
    out.write(index);
  }

  private static void section(ByteArrayOutputStream out, int id, byte[] payload) {
    out.write(id);
    out.write(payload.length);
    out.writeBytes(payload);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
