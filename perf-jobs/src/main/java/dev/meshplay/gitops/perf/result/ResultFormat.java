package dev.meshplay.gitops.perf.result;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two file forms of a {@link BenchmarkResult}: the same document, with {@code actual_qps} at
 * its top level, as YAML (stored with results) or JSON ({@code bench run -o json}).
 */
public enum ResultFormat {
  YAML {
    @Override
    public String write(BenchmarkResult result) {
      DumpSettings settings =
          DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build();
      return new Dump(settings).dumpToString(ResultDocument.toTree(result));
    }

    @Override
    @SuppressWarnings("unchecked")
    Map<String, Object> parse(String text) {
      return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }
  },
  JSON {
    @Override
    public String write(BenchmarkResult result) {
      return MAPPER
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(ResultDocument.toTree(result))
          + "\n";
    }

    @Override
    Map<String, Object> parse(String text) {
      return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
    }
  };

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The result as a document of this format. */
  public abstract String write(BenchmarkResult result);

  abstract Map<String, Object> parse(String text);

  /**
   * Reads a document written by {@link #write}.
   *
   * @throws IllegalArgumentException when the text is not such a document
   */
  public BenchmarkResult read(String text) {
    try {
      return ResultDocument.fromTree(parse(text));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a benchmark result: " + e.getMessage(), e);
    }
  }
}
