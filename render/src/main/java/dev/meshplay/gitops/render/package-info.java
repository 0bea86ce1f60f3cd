/**
 * Turns a design repository on disk into the Kubernetes objects it declares.
 *
 * <p>Pure with respect to clusters and Git: the input is a directory, the output a {@link
 * dev.meshplay.gitops.render.RenderedSet} of designs, each with its objects (and the file:line they
 * came from) or its diagnostics. The only process it starts is {@code kubectl kustomize}.
 */
package dev.meshplay.gitops.render;
