package dev.meshplay.gitops.git;

import java.util.regex.Pattern;

/**
 * A ref glob: {@code *} matches one path segment, {@code **} any number. A pattern not starting
 * with {@code refs/} names branches, so {@code pr/*} means {@code refs/heads/pr/*}.
 *
 * @param glob the full-ref glob
 * @param prefix the literal part before the first wildcard, sent to the server as a ref prefix
 */
record RefPattern(String glob, String prefix, Pattern regex) {

  static RefPattern of(String pattern) {
    if (pattern == null || pattern.isBlank() || pattern.contains("..") || pattern.contains(" ")) {
      throw new IllegalArgumentException("invalid ref pattern '" + pattern + "'");
    }
    String glob = pattern.startsWith("refs/") ? pattern : "refs/heads/" + pattern;
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".+");
        i++;
      } else if (c == '*') {
        regex.append("[^/]+");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    int star = glob.indexOf('*');
    String prefix = star < 0 ? glob : glob.substring(0, star);
    return new RefPattern(glob, prefix, Pattern.compile(regex.toString()));
  }

  boolean matches(String ref) {
    return regex.matcher(ref).matches();
  }
}
