/**
 * The enclave's re-verification that the message it is about to run is the one its sender signed
 * (protocol.md §10.1 items 1–5), or that a contract-to-contract call carries a valid callback
 * signature (§10.2). Entry point: {@link io.arcanum.enclave.auth.SenderAuthenticator}.
 */
package io.arcanum.enclave.auth;
