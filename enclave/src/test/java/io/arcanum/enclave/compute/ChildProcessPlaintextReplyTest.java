package io.arcanum.enclave.compute;

import io.arcanum.enclave.api.Enclave;

/** {@link PlaintextReplyTest} against the enclave in a child JVM. */
class ChildProcessPlaintextReplyTest extends PlaintextReplyTest {
  @Override
  Enclave open(TestChain host) throws Exception {
    return ChildProcessEnclaves.start(host);
  }
}
