/** The objects of each design as last applied, kept for the detail page's YAML and graph. */
package dev.meshplay.gitops.reconciler.manifest;
