/**
 * The model registry: component definitions (apiVersion, kind, scope, JSON Schema) and relationship
 * definitions from the built-in Kubernetes model (generated at build time), CRDs, and Meshery
 * registry directories, with schemas compiled once by networknt.
 */
package dev.meshplay.gitops.render.registry;
