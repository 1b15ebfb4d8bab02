/** Ed25519 (RFC 8032): signing and verification, used by CosmWasm's ed25519 host functions. */
package io.arcanum.crypto.ed25519;
