/** The non-apply patch types: JSON merge patch, JSON patch and strategic merge patch. */
package dev.meshplay.gitops.sandbox.patch;
