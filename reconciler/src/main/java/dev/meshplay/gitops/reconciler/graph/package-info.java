/** A design's relationship graph and its deterministic layout, for the detail page's SVG. */
package dev.meshplay.gitops.reconciler.graph;
