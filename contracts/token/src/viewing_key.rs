//! SNIP-20 viewing keys: who may read a balance. Only a SHA-256 of the key is stored, and
//! keys are compared in constant time so a query's timing does not leak how much matched.

use arcanum_contract_sdk::base64;
use arcanum_contract_sdk::sha256::sha256;

/// SNIP-20's prefix for generated keys, so a client can recognise them.
pub const PREFIX: &str = "api_key_";

/// The query answer for a missing or wrong key — the exact SNIP-20 wording, identical in
/// both cases so the answer does not reveal whether a key was ever set.
pub const ERROR_MSG: &str = "Wrong viewing key for this address or viewing key not set";

/// A fresh key: `"api_key_" + base64(SHA-256(seed ‖ BE64(height) ‖ BE32(len sender) ‖ sender ‖
/// entropy))`. Deterministic (every node must agree), yet unguessable without the contract's
/// secret seed; the length prefix keeps sender and entropy from running into each other.
pub fn derive(seed: &[u8], height: u64, sender: &str, entropy: &str) -> String {
    let mut input = Vec::with_capacity(seed.len() + 12 + sender.len() + entropy.len());
    input.extend_from_slice(seed);
    input.extend_from_slice(&height.to_be_bytes());
    input.extend_from_slice(&(sender.len() as u32).to_be_bytes());
    input.extend_from_slice(sender.as_bytes());
    input.extend_from_slice(entropy.as_bytes());
    [PREFIX, &base64::encode(&sha256(&input))].concat()
}

pub fn hash(key: &str) -> [u8; 32] {
    sha256(key.as_bytes())
}

/// Whether `key` matches the stored hash. With no key stored it still hashes and compares
/// against a dummy, so "not set" and "wrong" cost the same.
pub fn matches(key: &str, stored: Option<&[u8]>) -> bool {
    let given = hash(key);
    match stored {
        Some(s) => ct_eq(&given, s),
        None => {
            let _ = ct_eq(&given, &[0u8; 32]);
            false
        }
    }
}

fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
