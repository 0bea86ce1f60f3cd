package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.discovery.Discovery;
import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * fabric8's CRUD dispatcher with discovery and field ownership in front: reads and watches go to
 * the CRUD store as they are (one object by name through {@link NameIndexedEntries}); writes go
 * through {@link Writes}, which stores through the same store, so uid, resourceVersion, generation
 * and watch events stay fabric8's.
 */
final class SandboxDispatcher extends KubernetesCrudDispatcher {
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final Set<String> HEALTH = Set.of("/healthz", "/livez", "/readyz");
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";
  private static final String OPENAPI_V2 =
      "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  private final Discovery discovery;
  private final Writes writes;
  private final Subresources subresources;
  private final NameIndexedEntries entries = new NameIndexedEntries();

  /**
   * Index lookups happen outside fabric8's own lock, and fabric8 replaces an object by removing and
   * re-adding it: reads wait for writes here so that no read sees an object missing.
   */
  private final ReadWriteLock storeLock = new ReentrantReadWriteLock();

  SandboxDispatcher(Clock clock) {
    replaceStoreMap(entries);
    Store store = new CrudStore();
    this.discovery = new Discovery(() -> storedCrds(store));
    Commit commit = new Commit(store, clock);
    this.subresources = new Subresources(store, commit);
    this.writes = new Writes(store, commit, subresources);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    ApiRequest api = ApiRequest.of(request);
    try {
      return route(api);
    } catch (Rejected rejected) {
      return rejected.response();
    } catch (RuntimeException e) {
      return Responses.status(500, "InternalError", "sandbox failure: " + e);
    }
  }

  private MockResponse route(ApiRequest request) {
    if (request.method() == HttpMethod.GET) {
      Optional<MockResponse> meta = serverDocument(request.path());
      if (meta.isPresent()) {
        return meta.get();
      }
    }
    Optional<ResourcePath> parsed = ResourcePath.parse(request.path());
    if (parsed.isEmpty()) {
      return Responses.status(404, "NotFound", "the server could not find the requested resource");
    }
    if (request.mediaType().equals(PROTOBUF)) {
      return Responses.status(
          415,
          "UnsupportedMediaType",
          "the sandbox reads JSON and YAML bodies, not protobuf (kubectl's typed generators such as"
              + " `kubectl create namespace` send protobuf: use `kubectl apply -f` or `create -f`)");
    }
    ResourcePath path = parsed.get();
    boolean needsName = request.method() == HttpMethod.PUT || request.method() == HttpMethod.PATCH;
    if (needsName && path.name() == null) {
      return Responses.status(
          405, "MethodNotAllowed", request.method() + " needs an object name in the URL");
    }
    return switch (request.method()) {
      case GET -> read(request, path);
      case POST -> writes.create(request, path);
      case PUT -> writes.replace(request, path);
      case PATCH -> writes.patch(request, path);
      case DELETE -> writes.delete(request, path);
      default -> Responses.status(405, "MethodNotAllowed", request.method() + " is not supported");
    };
  }

  /** Discovery, health, and the OpenAPI stub; empty for every other path. */
  private Optional<MockResponse> serverDocument(String path) {
    if (path.equals("/openapi/v2")) {
      // kubectl validates manifests against this (protobuf) before applying: an empty document
      // (zero bytes) has no schemas, so kubectl skips that validation instead of failing.
      return Optional.of(
          new MockResponse().setResponseCode(200).setHeader("Content-Type", OPENAPI_V2));
    }
    if (HEALTH.contains(path)) {
      return Optional.of(
          new MockResponse()
              .setResponseCode(200)
              .setHeader("Content-Type", "text/plain")
              .setBody("ok"));
    }
    return discovery.document(path).map(document -> Responses.json(200, document));
  }

  private MockResponse read(ApiRequest request, ResourcePath path) {
    if ("scale".equals(path.subresource())) {
      return subresources.readScale(path);
    }
    MockResponse stored = handleGet(request.uri());
    if (stored.code() == 404 && path.name() != null) {
      return Responses.notFound(path);
    }
    return Responses.labelled(stored);
  }

  /** One object by name from the index; lists, selectors and watches go to fabric8's scan. */
  @Override
  public MockResponse handleGet(String uri) {
    return locked(
        storeLock.readLock(),
        () -> {
          if (!uri.contains("watch=true")) {
            Optional<List<Map.Entry<AttributeSet, String>>> found =
                entries.matching(attributeExtractor.fromPath(uri));
            if (found.isPresent()) {
              return found.get().isEmpty()
                  ? new MockResponse().setResponseCode(404)
                  : new MockResponse().setResponseCode(200).setBody(found.get().get(0).getValue());
            }
          }
          return super.handleGet(uri);
        });
  }

  /** What fabric8's create, replace and patch handlers look up before they write. */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    Optional<List<Map.Entry<AttributeSet, String>>> found = entries.matching(query);
    if (found.isEmpty()) {
      return super.findResource(query);
    }
    return found.get().isEmpty() ? null : found.get().get(0);
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    return locked(storeLock.writeLock(), () -> super.handleCreate(request));
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    return locked(storeLock.writeLock(), () -> super.handleUpdate(request));
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    return locked(storeLock.writeLock(), () -> super.handlePatch(request));
  }

  @Override
  public MockResponse handleDelete(String uri) {
    return locked(storeLock.writeLock(), () -> super.handleDelete(uri));
  }

  private static MockResponse locked(Lock lock, Supplier<MockResponse> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * fabric8 keeps its store in a final field and scans it for every request (20 ms a request at
   * 10,000 objects). Swapping in the same kind of map with a name index, once and before the first
   * request, keeps every write, resourceVersion and watch event fabric8's own.
   */
  private void replaceStoreMap(NameIndexedEntries indexed) {
    try {
      Field field = CrudDispatcher.class.getDeclaredField("map");
      field.setAccessible(true);
      field.set(this, Collections.synchronizedMap(indexed));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "this fabric8 mock server version keeps its CRUD store elsewhere: " + e, e);
    }
  }

  private static List<Map<String, Object>> storedCrds(Store store) {
    MockResponse list = store.get(CRDS);
    if (list.code() != 200 || list.getBody() == null) {
      return List.of();
    }
    String json = new String(list.getBody().getBytes(), StandardCharsets.UTF_8);
    List<Object> items = Trees.asList(Documents.parseObject(json).get("items"));
    return items == null
        ? List.of()
        : items.stream().map(Trees::asMap).filter(m -> m != null).toList();
  }

  /** The superclass's CRUD store behind the {@link Store} interface. */
  private final class CrudStore implements Store {
    @Override
    public MockResponse get(String uri) {
      return handleGet(uri);
    }

    @Override
    public MockResponse create(String collectionPath, Map<String, Object> object) {
      return handleCreate(request(HttpMethod.POST, collectionPath, object));
    }

    @Override
    public MockResponse replace(String path, Map<String, Object> object) {
      return handleUpdate(request(HttpMethod.PUT, path, object));
    }

    @Override
    public MockResponse delete(String uri) {
      return handleDelete(uri);
    }

    private static RecordedRequest request(
        HttpMethod method, String path, Map<String, Object> object) {
      Headers headers = Headers.builder().add("Content-Type", "application/json").build();
      byte[] body = Documents.toJson(object).getBytes(StandardCharsets.UTF_8);
      return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer(body));
    }
  }
}
