package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.discovery.Discovery;
import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * fabric8's CRUD dispatcher with discovery and field ownership in front: reads and watches go to
 * the CRUD store as they are; writes go through {@link Writes}, which stores through the same
 * store, so uid, resourceVersion, generation and watch events stay fabric8's.
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

  SandboxDispatcher(Clock clock) {
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
