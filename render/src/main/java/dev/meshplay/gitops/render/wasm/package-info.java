/** Checks of committed WebAssembly modules (Envoy proxy-wasm filters), parsed with Chicory. */
package dev.meshplay.gitops.render.wasm;
