package dev.meshplay.gitops.reconciler.export;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Block-style YAML for the files an export writes, in the key order the trees were built in. */
final class YamlText {
  private static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setIndent(2)
          .setIndicatorIndent(2)
          .setIndentWithIndicator(true)
          .setWidth(100)
          .build();

  private YamlText() {}

  static String of(Object tree) {
    return new Dump(SETTINGS).dumpToString(tree);
  }
}
