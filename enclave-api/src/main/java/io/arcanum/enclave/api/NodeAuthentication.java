package io.arcanum.enclave.api;

/**
 * The outcome of a registration (protocol.md §4.2): the seeds encrypted for the new node and its
 * machine information.
 *
 * @param encryptedSeed 48 bytes per seed, oldest first; safe to store on chain
 * @param registrationPublicKey the new node's registration key from the evidence (32 bytes)
 * @param machineInfo {@code owner(32) ‖ machine_id(20)}
 */
public record NodeAuthentication(
    byte[] encryptedSeed, byte[] registrationPublicKey, byte[] machineInfo) {}
