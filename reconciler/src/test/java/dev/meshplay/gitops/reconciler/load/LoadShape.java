package dev.meshplay.gitops.reconciler.load;

/**
 * How much a load run asks of one daemon: {@code sources} repositories, each with {@code designs}
 * designs of {@code objects} objects (one Namespace and ConfigMaps).
 */
public record LoadShape(int sources, int designs, int objects) {
  public LoadShape {
    if (sources < 1 || designs < 1 || objects < 2) {
      throw new IllegalArgumentException(
          "a load needs at least 1 source, 1 design and 2 objects (a Namespace and a ConfigMap)");
    }
  }

  /** Read from {@code 100x10x100}. */
  public static LoadShape parse(String text) {
    String[] parts = text.split("x");
    if (parts.length != 3) {
      throw new IllegalArgumentException("a load shape is SOURCESxDESIGNSxOBJECTS, not " + text);
    }
    return new LoadShape(
        Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
  }

  public int totalObjects() {
    return sources * designs * objects;
  }

  @Override
  public String toString() {
    return sources + " sources x " + designs + " designs x " + objects + " objects";
  }
}
