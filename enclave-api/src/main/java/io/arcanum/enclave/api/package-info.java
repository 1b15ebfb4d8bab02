/**
 * The trust boundary between the untrusted node and the enclave: ECALLs ({@link Enclave}) the node
 * may make and OCALLs ({@link EnclaveHost}) the enclave makes to its host. Only bytes and plain
 * records cross it; secrets never do.
 */
package io.arcanum.enclave.api;
