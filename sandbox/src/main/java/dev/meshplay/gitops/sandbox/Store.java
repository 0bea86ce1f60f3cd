package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.document.Documents;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The fabric8 CRUD store underneath: it assigns uid, resourceVersion, generation and timestamps.
 */
interface Store {

  MockResponse get(String uri);

  /** Stores a new object; the store answers 201, or 409 when it exists. */
  MockResponse create(String collectionPath, Map<String, Object> object);

  /** Replaces a stored object (or its status, on a {@code /status} path). */
  MockResponse replace(String path, Map<String, Object> object);

  MockResponse delete(String uri);

  /** The stored object at a path, if any. */
  default Optional<Map<String, Object>> read(String itemPath) {
    MockResponse response = get(itemPath);
    if (response.code() != 200 || response.getBody() == null) {
      return Optional.empty();
    }
    String json = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
    return Optional.of(Documents.parseObject(json));
  }
}
