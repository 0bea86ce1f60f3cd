/** The load generator contract and the built-in Netty open/closed-loop generator. */
package dev.meshplay.gitops.perf.load;
