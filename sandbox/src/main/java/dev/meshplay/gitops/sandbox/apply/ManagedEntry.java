package dev.meshplay.gitops.sandbox.apply;

import dev.meshplay.gitops.sandbox.fields.FieldSet;

/**
 * One {@code metadata.managedFields} entry: a manager, the API version it last wrote with, when its
 * fields last changed, and the fields it owns.
 */
public record ManagedEntry(ManagerId id, String apiVersion, String time, FieldSet fields) {

  public ManagedEntry withFields(FieldSet newFields) {
    return new ManagedEntry(id, apiVersion, time, newFields);
  }
}
