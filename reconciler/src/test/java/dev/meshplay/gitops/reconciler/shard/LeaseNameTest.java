package dev.meshplay.gitops.reconciler.shard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaseNameTest {

  @Test
  void aClusterNameThatIsAValidObjectNameIsUsedAsIs() {
    assertThat(LeaseName.of("prod-eu")).isEqualTo("meshplay-gitops-cluster-prod-eu");
    assertThat(LeaseName.member("meshplay-gitops-7d9f-x2"))
        .isEqualTo("meshplay-gitops-member-meshplay-gitops-7d9f-x2");
  }

  @Test
  void otherNamesGetAHashSoTwoNamesNeverShareALease() {
    String odd = LeaseName.of("Prod_EU");

    assertThat(odd).startsWith("meshplay-gitops-cluster-prod-eu-").matches("[a-z0-9-]+");
    assertThat(odd).isNotEqualTo(LeaseName.of("prod-eu")).isNotEqualTo(LeaseName.of("PROD_EU"));
  }

  @Test
  void longNamesFitTheSixtyThreeCharacterLimit() {
    String name = LeaseName.of("a".repeat(100));

    assertThat(name).hasSizeLessThanOrEqualTo(63).doesNotEndWith("-");
    assertThat(name).isNotEqualTo(LeaseName.of("a".repeat(101)));
  }
}
