/**
 * Taking over objects that already exist in a cluster: which other tool owns a live object, from
 * the marks Argo CD, Flux and Helm leave on what they deploy.
 */
package dev.meshplay.gitops.reconciler.adoption;
