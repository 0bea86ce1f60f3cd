/** The legacy API discovery documents kubectl and fabric8 read to find resource types. */
package dev.meshplay.gitops.sandbox.discovery;
