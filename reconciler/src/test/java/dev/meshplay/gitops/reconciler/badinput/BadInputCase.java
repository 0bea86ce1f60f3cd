package dev.meshplay.gitops.reconciler.badinput;

import java.util.List;
import java.util.Map;

/**
 * One bad input: the files it adds to (or overwrites in) a good repository, and the text its error
 * must contain, which names the file and line (or the setting) at fault.
 *
 * @param id {@code category/name}, unique in the corpus
 * @param description the one line that says what is wrong
 * @param expect a substring of the reported error, such as {@code manifests/bad/x.yaml:4:}
 * @param files repository-relative path to content
 * @param symlinks repository-relative path to link target, created by the harness
 * @param known why the product still fails this case (docs/reliability.md), or null
 */
public record BadInputCase(
    String id,
    String description,
    String expect,
    Map<String, byte[]> files,
    Map<String, String> symlinks,
    String known) {

  public BadInputCase {
    files = Map.copyOf(files);
    symlinks = Map.copyOf(symlinks);
  }

  public String category() {
    return id.substring(0, id.indexOf('/'));
  }

  /** Every repository path the case touches. */
  public List<String> paths() {
    return java.util.stream.Stream.concat(files.keySet().stream(), symlinks.keySet().stream())
        .sorted()
        .toList();
  }

  @Override
  public String toString() {
    return id + " (" + description + ")";
  }
}
