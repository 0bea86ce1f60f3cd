package dev.meshplay.gitops.sandbox.apply;

import dev.meshplay.gitops.sandbox.fields.FieldPath;

/** A field an apply would change that another manager owns. */
public record Conflict(ManagerId manager, FieldPath path) {}
