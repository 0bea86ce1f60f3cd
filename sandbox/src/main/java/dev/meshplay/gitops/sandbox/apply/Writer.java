package dev.meshplay.gitops.sandbox.apply;

/**
 * Who writes and when: the field manager, the API version of the request, and the time recorded in
 * managedFields (RFC 3339, seconds).
 */
public record Writer(String manager, String apiVersion, String time) {}
