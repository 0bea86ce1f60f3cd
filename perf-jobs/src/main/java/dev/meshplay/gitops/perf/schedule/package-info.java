/** Quartz schedules for profiles with a cron, kept in step with the latest commit. */
package dev.meshplay.gitops.perf.schedule;
