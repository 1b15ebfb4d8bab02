/**
 * The enclave in a separate process behind the same {@link io.arcanum.enclave.api.Enclave}
 * interface: {@link io.arcanum.enclave.api.process.EnclaveProcess} starts it and returns a proxy;
 * {@link io.arcanum.enclave.api.process.EnclaveProcessChild} is the child's side. Any method of the
 * boundary's interfaces built from supported value types crosses without per-method code.
 */
package io.arcanum.enclave.api.process;
