/**
 * Turns a design repository on disk into the Kubernetes objects it declares, and validates them.
 *
 * <p>Pure with respect to clusters and Git: the input is a directory, the output a {@link
 * dev.meshplay.gitops.render.RenderedSet} of designs, each with its objects (and the file:line they
 * came from) or its diagnostics. {@link dev.meshplay.gitops.render.Validator} adds validation
 * against the model registry ({@code registry} package). The only processes it starts are kustomize
 * ({@code kubectl kustomize} or {@code kustomize build}) and {@code helm template}.
 */
package dev.meshplay.gitops.render;
