//! Caller: sends another contract a message as a sub-message and records how the reply went.
//! A test fixture for the host's SubMsg / Reply plumbing (cosmwasm-abi.md §4.3–4.4).
//!
//! Storage: key `last_reply` → the JSON record described at [`record`].

use arcanum_contract_sdk::json::unknown_variant;
use arcanum_contract_sdk::{
    api, entry_points, storage, Coin, CosmosMsg, Env, Event, Json, MessageInfo, Reply, ReplyOn, Response, SubMsg,
};

entry_points! {
    instantiate => instantiate,
    execute => execute,
    query => query,
    reply => reply,
}

const LAST_REPLY_KEY: &[u8] = b"last_reply";

/// `{}` — nothing to configure.
pub fn instantiate(_env: &Env, _info: &MessageInfo, msg: &Json) -> Result<Response, String> {
    msg.deny_unknown_fields(&[])?;
    Ok(Response::new())
}

pub fn execute(_env: &Env, _info: &MessageInfo, msg: &Json) -> Result<Response, String> {
    match msg.variant()? {
        ("call", body) => call(body),
        ("noop", body) => {
            body.deny_unknown_fields(&[])?;
            Ok(Response::new())
        }
        // An execute that always fails, so a second caller instance can serve as a failing
        // callee when testing `reply_on: "error"`.
        ("fail", body) => {
            body.deny_unknown_fields(&["msg"])?;
            Err(body.opt_str_field("msg")?.unwrap_or("failed on request").to_string())
        }
        (other, _) => Err(unknown_variant(other, &["call", "noop", "fail"])),
    }
}

/// `{"call":{"contract_addr","code_hash","msg":"<b64>","id":N,"reply_on"?,"send"?}}` — emits
/// one `wasm.execute` sub-message; `reply_on` defaults to `"always"`, `send` to `[]`.
fn call(body: &Json) -> Result<Response, String> {
    body.deny_unknown_fields(&["contract_addr", "code_hash", "msg", "id", "reply_on", "send"])?;
    let contract_addr = body.str_field("contract_addr")?;
    api::addr_validate(contract_addr).map_err(|e| format!("invalid contract_addr: {}", e))?;
    let code_hash = body.str_field("code_hash")?;
    let inner = body.binary_field("msg")?;
    let id = body.u64_field("id")?;
    let reply_on = ReplyOn::parse(body.opt_str_field("reply_on")?.unwrap_or("always"))
        .map_err(|e| format!("invalid field `reply_on`: {}", e))?;
    let send = match body.opt_field("send") {
        Some(coins) => Coin::list_from_json(coins).map_err(|e| format!("invalid field `send`: {}", e))?,
        None => Vec::new(),
    };
    let msg = CosmosMsg::WasmExecute {
        contract_addr: contract_addr.to_string(),
        code_hash: code_hash.to_string(),
        msg: inner,
        send,
    };
    Ok(Response::new()
        .add_attribute("action", "call")
        .add_attribute("id", &id.to_string())
        .add_attribute("reply_on", reply_on.as_str())
        .add_submessage(SubMsg { id, msg, gas_limit: None, reply_on }))
}

/// Stores the [`record`] of this reply and passes the sub-call's `data` (if any) on as this
/// call's `data`, so tests can see the reply's data override the original execute's.
pub fn reply(_env: &Env, reply: &Reply) -> Result<Response, String> {
    storage::set_json(LAST_REPLY_KEY, &record(reply));
    let status = if reply.result.is_ok() { "ok" } else { "error" };
    let mut response = Response::new()
        .add_attribute("action", "reply")
        .add_attribute("reply_id", &reply.id.to_string())
        .add_attribute("reply_status", status);
    if let Ok(Some(data)) = reply.result.as_ref().map(|r| r.data.clone()) {
        response = response.set_data(data);
    }
    Ok(response)
}

/// `{"id":N,"status":"ok"|"error","data":"<b64>"|null,"error":"…"|null,"events":[Event]}`.
/// Events are re-serialised by the SDK, so an attribute without `encrypted` reads back as
/// `"encrypted":true` (Secret's default).
fn record(reply: &Reply) -> Json {
    let (status, data, error, events): (&str, Json, Json, &[Event]) = match &reply.result {
        Ok(r) => ("ok", Json::opt(r.data.as_deref().map(Json::binary)), Json::Null, &r.events),
        Err(e) => ("error", Json::Null, Json::str(e), &[]),
    };
    Json::obj(vec![
        ("id", Json::u64(reply.id)),
        ("status", Json::str(status)),
        ("data", data),
        ("error", error),
        ("events", Json::Arr(events.iter().map(Event::to_json).collect())),
    ])
}

/// `{"last_reply":{}}` → the stored record, or `null` before any reply.
pub fn query(_env: &Env, msg: &Json) -> Result<Vec<u8>, String> {
    match msg.variant()? {
        ("last_reply", body) => {
            body.deny_unknown_fields(&[])?;
            Ok(storage::get(LAST_REPLY_KEY).unwrap_or_else(|| b"null".to_vec()))
        }
        (other, _) => Err(unknown_variant(other, &["last_reply"])),
    }
}

#[cfg(test)]
mod tests;
