/**
 * Field paths and field sets as structured-merge-diff defines them, their FieldsV1 encoding, and
 * the merge rules (list keys, atomic maps) the emulator knows for the built-in kinds.
 */
package dev.meshplay.gitops.sandbox.fields;
