package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

  @Test
  void managerIsTheFieldManagerParameterFirst() {
    assertThat(request("/api/v1/x?fieldManager=gitops%2Dsync", "kubectl/v1.32").manager())
        .isEqualTo("gitops-sync");
  }

  @Test
  void managerFallsBackToTheUserAgentBeforeItsSlash() {
    assertThat(request("/api/v1/x", "kubectl-edit/v1.32.4 (linux/amd64)").manager())
        .isEqualTo("kubectl-edit");
  }

  @Test
  void managerIsUnknownWithoutEither() {
    assertThat(request("/api/v1/x", null).manager()).isEqualTo("unknown");
  }

  @Test
  void readsDryRunForceAndTheMediaTypeWithoutParameters() {
    ApiRequest request =
        ApiRequest.of(
            new RecordedRequest(
                "HTTP/1.1",
                HttpMethod.PATCH,
                "/api/v1/x?dryRun=All&force=true",
                Headers.builder()
                    .add("Content-Type", "application/apply-patch+yaml; charset=utf-8")
                    .build(),
                new Buffer("{}".getBytes())));

    assertThat(request.dryRun()).isTrue();
    assertThat(request.force()).isTrue();
    assertThat(request.mediaType()).isEqualTo("application/apply-patch+yaml");
    assertThat(request.body()).isEqualTo("{}");
  }

  private static ApiRequest request(String uri, String userAgent) {
    Headers.Builder headers = Headers.builder();
    if (userAgent != null) {
      headers.add("User-Agent", userAgent);
    }
    return ApiRequest.of(
        new RecordedRequest("HTTP/1.1", HttpMethod.GET, uri, headers.build(), new Buffer()));
  }
}
