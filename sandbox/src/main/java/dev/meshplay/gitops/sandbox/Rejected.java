package dev.meshplay.gitops.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;

/** A request refused before anything is stored, carrying the answer to send. */
final class Rejected extends RuntimeException {
  private final transient MockResponse response;

  Rejected(MockResponse response, String message) {
    super(message, null, false, false);
    this.response = response;
  }

  static Rejected badRequest(String message) {
    return new Rejected(Responses.badRequest(message), message);
  }

  MockResponse response() {
    return response;
  }
}
