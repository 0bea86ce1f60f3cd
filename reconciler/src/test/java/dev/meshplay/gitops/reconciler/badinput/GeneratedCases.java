package dev.meshplay.gitops.reconciler.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cases too big or too binary to commit: built at test time, counted with the corpus under the
 * category {@code generated}.
 */
public final class GeneratedCases {
  /** Components in the large design: the issue asks for 100k. */
  static final int LARGE_DESIGN_COMPONENTS = 100_000;

  private GeneratedCases() {}

  public static List<BadInputCase> all() {
    List<BadInputCase> cases = new ArrayList<>();
    cases.add(sixMebibyteFile());
    cases.add(twentyMebibyteFile());
    cases.add(nulBytes());
    cases.add(invalidUtf8());
    cases.add(deepFlowSequences());
    cases.add(deepFlowMappings());
    cases.add(billionLaughs());
    cases.add(largeDesign());
    cases.add(designUnderTheSizeLimit());
    return cases;
  }

  private static BadInputCase sixMebibyteFile() {
    String path = "manifests/gen/six-mib.yaml";
    byte[] huge =
        ("# " + "x".repeat(1021) + "\n").repeat(6 * 1024).getBytes(StandardCharsets.UTF_8);
    return one(
        "six-mib-file", "a 6 MiB manifest (over the 5 MiB limit)", path + ":1:1:", path, huge);
  }

  private static BadInputCase twentyMebibyteFile() {
    String path = "designs/twenty-mib.yaml";
    byte[] huge = new byte[20 << 20];
    java.util.Arrays.fill(huge, (byte) 'a');
    return one("twenty-mib-file", "a 20 MiB design of one long line", path + ":1:1:", path, huge);
  }

  private static BadInputCase nulBytes() {
    String path = "manifests/gen/binary.yaml";
    byte[] content =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \0x\n"
            .getBytes(StandardCharsets.UTF_8);
    return one("nul-bytes", "a manifest with a NUL byte on line 4", path + ":4:", path, content);
  }

  private static BadInputCase invalidUtf8() {
    String path = "manifests/gen/latin1.yaml";
    byte[] content = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xe9, (byte) 0xff, '\n'};
    return one("invalid-utf8", "a manifest in Latin-1, not UTF-8", path + ":1:1:", path, content);
  }

  private static BadInputCase deepFlowSequences() {
    String path = "manifests/gen/deep-seq.yaml";
    String text = "a: " + "[".repeat(100_000) + "\n";
    return one("deep-sequences", "100,000 nested flow sequences", path + ":1:", path, utf8(text));
  }

  private static BadInputCase deepFlowMappings() {
    String path = "manifests/gen/deep-map.yaml";
    String text = "a: " + "{a: ".repeat(50_000) + "1" + "}".repeat(50_000) + "\n";
    return one("deep-mappings", "50,000 nested flow mappings", path + ":1:", path, utf8(text));
  }

  private static BadInputCase billionLaughs() {
    String path = "manifests/gen/laughs.yaml";
    StringBuilder bomb =
        new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a%d: &a%d [".formatted(i, i));
      bomb.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))));
      bomb.append("]\n");
    }
    return one(
        "billion-laughs",
        "nine levels of nine aliases (10^9 values)",
        path + ":",
        path,
        utf8(bomb.toString()));
  }

  /**
   * 100k components make an 11 MB file: refused unread by the 5 MiB limit, which is the answer the
   * issue's "design with 100k components" gets.
   */
  private static BadInputCase largeDesign() {
    String path = "designs/huge.yaml";
    StringBuilder design =
        new StringBuilder(
            "schemaVersion: designs.meshery.io/v1beta1\nname: huge\nversion: 0.0.1\nid: 00000000-0000-4000-8000-000000000001\ncomponents:\n");
    for (int i = 0; i < LARGE_DESIGN_COMPONENTS; i++) {
      String name = i == LARGE_DESIGN_COMPONENTS - 1 ? "Bad_Name" : "cm-" + i;
      design.append(
          "- id: c%d\n  displayName: %s\n  component: {kind: ConfigMap, version: v1}\n  configuration: {data: {k: v}}\n"
              .formatted(i, name));
    }
    int badLine = 5 + 4 * (LARGE_DESIGN_COMPONENTS - 1) + 2;
    return one(
        "design-100k-components",
        "a design of 100,000 components (11 MB, over the 5 MiB limit)",
        path + ":1:1: error: file is",
        path,
        utf8(design.toString()));
  }

  /** 60,000 components in 4.8 MB: parsed and validated whole; the last one's name is invalid. */
  private static BadInputCase designUnderTheSizeLimit() {
    int components = 60_000;
    String path = "designs/large.yaml";
    StringBuilder design =
        new StringBuilder(
            "schemaVersion: designs.meshery.io/v1beta1\nname: large\nversion: 0.0.1\n"
                + "id: 00000000-0000-4000-8000-000000000002\ncomponents:\n");
    for (int i = 0; i < components; i++) {
      String name = i == components - 1 ? "Bad_Name" : "c-" + i;
      design.append(
          "- id: c%d\n  displayName: %s\n  component: {kind: ConfigMap, version: v1}\n"
              .formatted(i, name));
    }
    int badLine = 5 + 3 * (components - 1) + 2;
    return one(
        "design-60k-components",
        "a design of 60,000 components under the size limit, the last one named Bad_Name",
        path + ":" + badLine + ":",
        path,
        utf8(design.toString()));
  }

  private static BadInputCase one(
      String name, String description, String expect, String path, byte[] content) {
    return new BadInputCase(
        "generated/" + name, description, expect, Map.of(path, content), Map.of(), null);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
