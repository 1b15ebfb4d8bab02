//! Helpers for host-side (`cargo test`) tests of contracts: the JSON the host would pass in,
//! and envelope decoding. Not compiled for wasm32.

use crate::json::{self, Json};

/// A Secret v1 env as the host writes it (§4.1), for contract `contract`.
pub fn env_json(height: u64, contract: &str) -> Vec<u8> {
    format!(
        r#"{{"block":{{"height":{},"time":"1700000000000000000","chain_id":"secret-testnet"}},"contract":{{"address":"{}","code_hash":"{}"}},"transaction":{{"index":0,"hash":"AB12"}}}}"#,
        height,
        contract,
        "0".repeat(64)
    )
    .into_bytes()
}

pub fn info_json(sender: &str) -> Vec<u8> {
    format!(r#"{{"sender":"{}","funds":[]}}"#, sender).into_bytes()
}

/// Splits an entry point's result envelope: `Ok(value)` for `{"Ok":value}`, `Err(message)`
/// for `{"Err":"message"}`; panics on anything else (that would be a glue bug).
pub fn open_envelope(bytes: &[u8]) -> Result<Json, String> {
    let v = json::parse(bytes).expect("envelope is JSON");
    match v.variant().expect("envelope has one key") {
        ("Ok", inner) => Ok(inner.clone()),
        ("Err", msg) => Err(msg.as_str().expect("Err carries a string").to_string()),
        (other, _) => panic!("unexpected envelope key {}", other),
    }
}

/// A query envelope's answer, base64-decoded and parsed.
pub fn open_query(bytes: &[u8]) -> Result<Json, String> {
    open_envelope(bytes).map(|b| json::parse(&b.as_binary().expect("base64")).expect("answer is JSON"))
}
