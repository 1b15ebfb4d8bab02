/**
 * The trusted side: holds the network's seeds, seals them to the enclave build and the machine, and
 * answers the ECALLs of {@link io.arcanum.enclave.api.Enclave}.
 */
package io.arcanum.enclave;
