/** wrk, wrk2, hey, fortio and nighthawk run by process, mapped into a measurement. */
package dev.meshplay.gitops.perf.external;
