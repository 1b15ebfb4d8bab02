package io.arcanum.enclave.compute;

import io.arcanum.enclave.api.Enclave;

/**
 * {@link EncryptedExecutionTest} against the enclave in a child JVM: the same suite on the other
 * boundary.
 */
class ChildProcessEncryptedExecutionTest extends EncryptedExecutionTest {
  @Override
  Enclave open(TestChain host) throws Exception {
    return ChildProcessEnclaves.start(host);
  }
}
