package dev.meshplay.gitops.render;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * A {@code .json} file must be JSON, not merely YAML flow: the YAML parser would accept a trailing
 * comma, comments or unquoted words that every JSON tool refuses. This pass only checks the syntax
 * (exactly one value, nothing after it); the YAML reader still builds the positioned tree.
 */
final class StrictJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private StrictJson() {}

  static void check(String text) throws YamlException {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new YamlException(1, 1, "not valid JSON: the file holds no value");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw at(parser.currentTokenLocation(), "more than one value at the top level");
      }
    } catch (JacksonException e) {
      throw at(e.getLocation(), withoutFeatureHint(e.getOriginalMessage()));
    }
  }

  /** Jackson names parser features to switch on; a repository's author cannot, so that goes. */
  private static String withoutFeatureHint(String message) {
    int hint = message.indexOf(" (not recognized as one since Feature");
    return hint < 0 ? message : message.substring(0, hint);
  }

  private static YamlException at(TokenStreamLocation location, String problem) {
    int line = location == null ? 1 : Math.max(1, location.getLineNr());
    int column = location == null ? 1 : Math.max(1, location.getColumnNr());
    return new YamlException(line, column, "not valid JSON: " + problem);
  }
}
