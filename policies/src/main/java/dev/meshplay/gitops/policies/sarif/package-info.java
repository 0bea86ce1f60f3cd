/** SARIF 2.1.0 output of policy findings, for GitHub code scanning and other SARIF viewers. */
package dev.meshplay.gitops.policies.sarif;
