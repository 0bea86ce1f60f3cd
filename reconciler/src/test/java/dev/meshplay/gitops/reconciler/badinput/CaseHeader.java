package dev.meshplay.gitops.reconciler.badinput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comment lines a case file starts with: {@code # case: …} (required), {@code # expect: …}
 * (required), {@code # path: …} (where the file goes in the repository) and {@code # symlink: A ->
 * B} (links the harness creates, since Git checkouts of test resources cannot be trusted with
 * them). The lines stay in the file: they are YAML comments, and line numbers count them.
 */
record CaseHeader(
    String description, String expect, String path, String known, Map<String, String> symlinks) {

  static CaseHeader parse(String source, String text) {
    String description = null;
    String expect = null;
    String path = null;
    String known = null;
    Map<String, String> symlinks = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      if (!line.startsWith("# ")) {
        break;
      }
      String body = line.substring(2);
      int colon = body.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = body.substring(0, colon);
      String value = body.substring(colon + 1).strip();
      switch (key) {
        case "case" -> description = value;
        case "expect" -> expect = value;
        case "path" -> path = value;
        case "known" -> known = value;
        case "symlink" -> {
          List<String> ends = List.of(value.split(" -> ", 2));
          if (ends.size() != 2) {
            throw new IllegalArgumentException(source + ": symlink needs 'A -> B': " + value);
          }
          symlinks.put(ends.get(0).strip(), ends.get(1).strip());
        }
        default -> {
          // other comment lines describe the case further
        }
      }
    }
    if (description == null || expect == null) {
      throw new IllegalArgumentException(source + ": needs '# case:' and '# expect:' lines");
    }
    return new CaseHeader(description, expect, path, known, symlinks);
  }
}
