package dev.meshplay.gitops.reconciler.badinput;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last good state every bad commit starts from: a Meshery design, a manifests directory with a
 * Secret, a scheduled benchmark profile and meshplay.yaml. Cases overwrite or add files to it.
 */
public final class GoodRepository {
  /** The designs it holds, as the status API names them. */
  public static final String[] DESIGNS = {"designs/shop.yaml", "manifests/base"};

  private GoodRepository() {}

  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "meshplay.yaml",
        """
        apiVersion: gitops.meshplay.dev/v1alpha1
        kind: Repository
        spec:
          prune: true
        """);
    files.put(
        "designs/shop.yaml",
        """
        schemaVersion: designs.meshery.io/v1beta1
        name: shop
        version: 0.0.1
        id: 9b0bfa4e-2f0c-4d5e-9d8a-1c8f5d7a0001
        components:
        - id: shop-config
          displayName: shop-config
          component: {kind: ConfigMap, version: v1}
          configuration:
            metadata: {namespace: shop}
            data: {greeting: hello}
        - id: shop-namespace
          displayName: shop
          component: {kind: Namespace, version: v1}
          configuration: {}
        """);
    files.put(
        "manifests/base/objects.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: base-config
          namespace: default
        data:
          mode: good
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: base-secret
          namespace: default
          annotations: {policies.meshplay.dev/allow-plaintext: "true"}
        stringData:
          password: good-password-value
        """);
    files.put(
        "benchmarks/good.yaml",
        """
        name: good-profile
        endpoints: [http://127.0.0.1:9/]
        qps: 10
        duration: 1s
        schedule: "@yearly"
        """);
    return files;
  }
}
