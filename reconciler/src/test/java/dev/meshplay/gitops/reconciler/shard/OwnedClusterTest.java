package dev.meshplay.gitops.reconciler.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OwnedClusterTest {
  private final List<String> writes = new ArrayList<>();
  private final AtomicBoolean holding = new AtomicBoolean(true);
  private final ClusterOwnership ownership =
      new ClusterOwnership() {
        @Override
        public boolean owns(String cluster) {
          return holding.get();
        }

        @Override
        public void close() {}
      };
  private final Cluster cluster = new OwnedCluster(new Recording(), ownership);
  private final ObjectRef ref = new ObjectRef("v1", "ConfigMap", "apps", "settings");

  @Test
  void writesPassWhileTheLeaseIsHeld() {
    cluster.apply(Map.of("kind", "ConfigMap"), false);
    cluster.delete(ref);

    assertThat(writes).containsExactly("apply", "delete");
  }

  @Test
  void writesAreRefusedAsAnUnavailableClusterOnceTheLeaseIsGone() {
    holding.set(false);

    assertThatThrownBy(() -> cluster.apply(Map.of("kind", "ConfigMap"), false))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("east: apply failed (NotOwner)")
        .hasRootCauseInstanceOf(java.io.IOException.class);
    assertThatThrownBy(() -> cluster.delete(ref)).hasMessageContaining("NotOwner");
    assertThat(writes).isEmpty();
  }

  @Test
  void readsNeedNoLease() {
    holding.set(false);

    assertThat(cluster.get(ref)).isEmpty();
    assertThat(cluster.list("v1", "ConfigMap", "apps")).isEmpty();
  }

  private final class Recording implements Cluster {
    @Override
    public String name() {
      return "east";
    }

    @Override
    public Optional<Map<String, Object>> get(ObjectRef ref) {
      return Optional.empty();
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> object, boolean force) {
      writes.add("apply");
      return object;
    }

    @Override
    public List<ObjectRef> list(String apiVersion, String kind, String namespace) {
      return List.of();
    }

    @Override
    public boolean delete(ObjectRef ref) {
      writes.add("delete");
      return true;
    }
  }
}
