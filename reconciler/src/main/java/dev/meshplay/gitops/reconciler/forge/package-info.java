/**
 * Forge REST clients that publish a pull request's plan where reviewers look: a commit status and
 * one comment edited in place, for GitHub, Gitea/Forgejo and GitLab. Only the calls their API
 * documentation describes; the token never reaches a log or an exception message.
 */
package dev.meshplay.gitops.reconciler.forge;
