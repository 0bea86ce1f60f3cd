package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.document.Documents;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the conformance tests share: objects from YAML, and raw requests through fabric8's client.
 */
final class Api {
  static final String APPLY = "application/apply-patch+yaml";

  private final SandboxCluster sandbox;

  Api(SandboxCluster sandbox) {
    this.sandbox = sandbox;
  }

  KubernetesClient client() {
    return sandbox.client();
  }

  GenericKubernetesResource object(String yaml) {
    return client().getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
  }

  /** Applies through fabric8's own server-side apply, forced. */
  GenericKubernetesResource apply(String manager, String yaml) {
    return client().resource(object(yaml)).fieldManager(manager).forceConflicts().serverSideApply();
  }

  GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
    var kinds = client().genericKubernetesResources(apiVersion, kind);
    return namespace == null
        ? kinds.withName(name).get()
        : kinds.inNamespace(namespace).withName(name).get();
  }

  /** The managedFields entry of a manager as plain values, or {@code null}. */
  static Map<String, Object> entry(
      GenericKubernetesResource object, String manager, String operation) {
    return object.getMetadata().getManagedFields().stream()
        .filter(e -> e.getManager().equals(manager) && e.getOperation().equals(operation))
        .findFirst()
        .map(
            e ->
                Documents.copy(
                    Map.of(
                        "fieldsV1",
                        e.getFieldsV1().getAdditionalProperties(),
                        "apiVersion",
                        e.getApiVersion(),
                        "time",
                        e.getTime())))
        .orElse(null);
  }

  /** The fieldsV1 tree of a manager's entry, as JSON. */
  static String fieldsOf(GenericKubernetesResource object, String manager, String operation) {
    Map<String, Object> entry = entry(object, manager, operation);
    return entry == null ? null : Documents.toJson(entry.get("fieldsV1"));
  }

  static List<String> managers(GenericKubernetesResource object) {
    return object.getMetadata().getManagedFields().stream()
        .map(e -> e.getManager() + "/" + e.getOperation())
        .toList();
  }

  Reply send(String method, String path, String contentType, String body) {
    HttpClient http = client().getHttpClient();
    HttpRequest.Builder request = http.newHttpRequestBuilder().uri(sandbox.url() + path);
    if (body != null) {
      request.method(method, contentType, body);
    }
    try {
      HttpResponse<String> response =
          http.sendAsync(request.build(), String.class).get(10, TimeUnit.SECONDS);
      return new Reply(response.code(), response.body());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** A raw answer. */
  record Reply(int code, String body) {
    Map<String, Object> json() {
      return Documents.parseObject(body);
    }
  }
}
