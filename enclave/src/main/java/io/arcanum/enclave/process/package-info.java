/**
 * The enclave as a separate process: the child JVM's main class, serving {@link
 * io.arcanum.enclave.InProcessEnclave} to the host over {@link
 * io.arcanum.enclave.api.process.EnclaveProcess}'s socket.
 */
package io.arcanum.enclave.process;
