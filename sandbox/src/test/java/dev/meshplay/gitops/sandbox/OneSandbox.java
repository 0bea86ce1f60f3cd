package dev.meshplay.gitops.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A conformance test class's one sandbox, started before its first test, closed after its last. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneSandbox {
  SandboxCluster sandbox;
  Api api;

  @BeforeAll
  void startSandbox() {
    sandbox = SandboxCluster.start();
    api = new Api(sandbox);
  }

  @AfterAll
  void stopSandbox() {
    sandbox.close();
  }
}
