package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.render.RenderedObject;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** An object as YAML, the way it is applied, with Secret values already redacted. */
final class ObjectYaml {
  private ObjectYaml() {}

  static String of(RenderedObject object) {
    return dump(SecretRedaction.body(object));
  }

  private static String dump(Map<String, Object> body) {
    DumpSettings settings =
        DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).build();
    return new Dump(settings).dumpToString(body);
  }
}
