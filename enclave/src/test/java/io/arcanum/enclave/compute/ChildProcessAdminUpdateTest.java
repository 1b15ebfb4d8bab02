package io.arcanum.enclave.compute;

import io.arcanum.enclave.api.Enclave;

/**
 * {@link AdminUpdateTest} against the enclave in a child JVM: the {@code updateAdmin} ECALL and its
 * record cross the process boundary like every other.
 */
class ChildProcessAdminUpdateTest extends AdminUpdateTest {
  @Override
  Enclave open(TestChain host) throws Exception {
    return ChildProcessEnclaves.start(host);
  }
}
