/** The recent-events log: a bounded ring of what the loop and the webhook saw, newest first. */
package dev.meshplay.gitops.reconciler.events;
