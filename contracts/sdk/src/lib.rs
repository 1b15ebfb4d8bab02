//! A minimal SDK for Secret Network's CosmWasm 1.x contract ABI (`interface_version_8`),
//! written for Arcanum's test contracts. See `contracts/README.md` and
//! `shared/spec/cosmwasm-abi.md`.
//!
//! Design rules:
//! * **No floats anywhere** — Secret refuses to instantiate a module with any float
//!   instruction, hence the hand-written integer-only [`json`] layer instead of serde_json.
//! * **No external crates** — builds offline with Debian's Rust toolchain.
//! * **Only allow-listed imports** (`db_*`, `addr_*`, `debug`); never `abort`, which Secret
//!   does not provide. A panic is a wasm `unreachable` trap (`panic = "abort"`).
//!
//! A contract writes plain functions over [`Env`], [`MessageInfo`] and [`Json`], returns
//! `Result<Response, String>` (the error string becomes `{"Err":"…"}`), and exports them with
//! [`entry_points!`]. The `interface_version_8`, `allocate` and `deallocate` exports come from
//! this crate.

pub mod api;
pub mod base64;
pub mod entry;
pub mod json;
pub mod response;
pub mod sha256;
pub mod storage;
pub mod types;

#[cfg(target_arch = "wasm32")]
mod imports;
#[cfg(target_arch = "wasm32")]
pub mod memory;

pub use json::Json;
pub use response::{Attribute, CosmosMsg, Event, ReplyOn, Response, SubMsg};
pub use types::{BlockInfo, Coin, ContractInfo, Env, MessageInfo, Reply, SubMsgResponse, TransactionInfo};

#[cfg(not(target_arch = "wasm32"))]
pub mod testing;

#[cfg(test)]
mod tests;
