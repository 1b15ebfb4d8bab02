//! Entry-point glue: parse the host's arguments, call the contract, wrap the outcome in the
//! Secret 1.x result envelope (cosmwasm-abi.md §3.7):
//!
//! | call | success | failure |
//! |---|---|---|
//! | instantiate / execute / migrate / reply | `{"Ok":<Response>}` | `{"Err":"message"}` |
//! | query | `{"Ok":"<base64 of the answer>"}` | `{"Err":"message"}` |
//!
//! The `run_*` functions work on byte slices so they can be unit-tested off wasm; the
//! `wasm_*` ones add the Region handling and are what the [`entry_points!`] macro exports.

use crate::json::{self, Json};
use crate::response::Response;
use crate::types::{Env, MessageInfo, Reply};

pub type InstantiateFn = fn(&Env, &MessageInfo, &Json) -> Result<Response, String>;
pub type ExecuteFn = InstantiateFn;
/// A query returns the raw answer bytes (normally JSON); the glue base64-encodes them.
pub type QueryFn = fn(&Env, &Json) -> Result<Vec<u8>, String>;
pub type ReplyFn = fn(&Env, &Reply) -> Result<Response, String>;
pub type MigrateFn = fn(&Env, &Json) -> Result<Response, String>;

fn parse_env(bytes: &[u8]) -> Result<Env, String> {
    json::parse(bytes).and_then(|v| Env::from_json(&v)).map_err(|e| format!("Error parsing env: {}", e))
}

fn parse_info(bytes: &[u8]) -> Result<MessageInfo, String> {
    json::parse(bytes).and_then(|v| MessageInfo::from_json(&v)).map_err(|e| format!("Error parsing info: {}", e))
}

fn parse_msg(bytes: &[u8]) -> Result<Json, String> {
    json::parse(bytes).map_err(|e| format!("Error parsing message: {}", e))
}

/// `{"Ok":<response>}` or `{"Err":"message"}`.
pub fn response_envelope(result: Result<Response, String>) -> Vec<u8> {
    envelope(result.map(|r| r.to_json()))
}

/// `{"Ok":"<base64>"}` or `{"Err":"message"}`.
pub fn query_envelope(result: Result<Vec<u8>, String>) -> Vec<u8> {
    envelope(result.map(|bytes| Json::binary(&bytes)))
}

fn envelope(result: Result<Json, String>) -> Vec<u8> {
    match result {
        Ok(v) => Json::obj(vec![("Ok", v)]).to_vec(),
        Err(msg) => Json::obj(vec![("Err", Json::Str(msg))]).to_vec(),
    }
}

pub fn run_instantiate(env: &[u8], info: &[u8], msg: &[u8], f: InstantiateFn) -> Vec<u8> {
    response_envelope(parse_env(env).and_then(|e| {
        let i = parse_info(info)?;
        f(&e, &i, &parse_msg(msg)?)
    }))
}

pub fn run_execute(env: &[u8], info: &[u8], msg: &[u8], f: ExecuteFn) -> Vec<u8> {
    run_instantiate(env, info, msg, f)
}

pub fn run_query(env: &[u8], msg: &[u8], f: QueryFn) -> Vec<u8> {
    query_envelope(parse_env(env).and_then(|e| f(&e, &parse_msg(msg)?)))
}

pub fn run_migrate(env: &[u8], msg: &[u8], f: MigrateFn) -> Vec<u8> {
    response_envelope(parse_env(env).and_then(|e| f(&e, &parse_msg(msg)?)))
}

pub fn run_reply(env: &[u8], msg: &[u8], f: ReplyFn) -> Vec<u8> {
    response_envelope(parse_env(env).and_then(|e| {
        let reply = json::parse(msg)
            .and_then(|v| Reply::from_json(&v))
            .map_err(|err| format!("Error parsing reply: {}", err))?;
        f(&e, &reply)
    }))
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::*;
    use crate::memory::{consume_region, release_buffer, Region};

    /// The contract owns its argument Regions (§3.3), so they are consumed (and freed) here.
    unsafe fn take(ptr: u32) -> Vec<u8> {
        consume_region(ptr as *mut Region)
    }

    fn give(bytes: Vec<u8>) -> u32 {
        release_buffer(bytes) as u32
    }

    /// # Safety
    /// The arguments must be Regions the host made with this module's `allocate`.
    pub unsafe fn wasm_instantiate(env: u32, info: u32, msg: u32, f: InstantiateFn) -> u32 {
        give(run_instantiate(&take(env), &take(info), &take(msg), f))
    }

    /// # Safety
    /// As [`wasm_instantiate`].
    pub unsafe fn wasm_execute(env: u32, info: u32, msg: u32, f: ExecuteFn) -> u32 {
        give(run_execute(&take(env), &take(info), &take(msg), f))
    }

    /// # Safety
    /// As [`wasm_instantiate`].
    pub unsafe fn wasm_query(env: u32, msg: u32, f: QueryFn) -> u32 {
        give(run_query(&take(env), &take(msg), f))
    }

    /// # Safety
    /// As [`wasm_instantiate`].
    pub unsafe fn wasm_migrate(env: u32, msg: u32, f: MigrateFn) -> u32 {
        give(run_migrate(&take(env), &take(msg), f))
    }

    /// # Safety
    /// As [`wasm_instantiate`].
    pub unsafe fn wasm_reply(env: u32, msg: u32, f: ReplyFn) -> u32 {
        give(run_reply(&take(env), &take(msg), f))
    }
}

#[cfg(target_arch = "wasm32")]
pub use wasm::*;

/// Exports a contract's entry points under the names the host calls:
///
/// ```ignore
/// arcanum_contract_sdk::entry_points! {
///     instantiate => instantiate,
///     execute => execute,
///     query => query,
///     reply => reply,      // optional
///     migrate => migrate,  // optional
/// }
/// ```
///
/// The exported Rust functions get private names (`#[export_name]`), so a contract's own
/// `fn instantiate` does not clash with the export. Nothing is exported off wasm32.
#[macro_export]
macro_rules! entry_points {
    ($($kind:ident => $f:path),* $(,)?) => {
        $( $crate::__entry_point!($kind $f); )*
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __entry_point {
    (instantiate $f:path) => {
        #[cfg(target_arch = "wasm32")]
        #[export_name = "instantiate"]
        pub extern "C" fn __arcanum_instantiate(env: u32, info: u32, msg: u32) -> u32 {
            unsafe { $crate::entry::wasm_instantiate(env, info, msg, $f) }
        }
    };
    (execute $f:path) => {
        #[cfg(target_arch = "wasm32")]
        #[export_name = "execute"]
        pub extern "C" fn __arcanum_execute(env: u32, info: u32, msg: u32) -> u32 {
            unsafe { $crate::entry::wasm_execute(env, info, msg, $f) }
        }
    };
    (query $f:path) => {
        #[cfg(target_arch = "wasm32")]
        #[export_name = "query"]
        pub extern "C" fn __arcanum_query(env: u32, msg: u32) -> u32 {
            unsafe { $crate::entry::wasm_query(env, msg, $f) }
        }
    };
    (migrate $f:path) => {
        #[cfg(target_arch = "wasm32")]
        #[export_name = "migrate"]
        pub extern "C" fn __arcanum_migrate(env: u32, msg: u32) -> u32 {
            unsafe { $crate::entry::wasm_migrate(env, msg, $f) }
        }
    };
    (reply $f:path) => {
        #[cfg(target_arch = "wasm32")]
        #[export_name = "reply"]
        pub extern "C" fn __arcanum_reply(env: u32, msg: u32) -> u32 {
            unsafe { $crate::entry::wasm_reply(env, msg, $f) }
        }
    };
}
