//! What the host passes in: Env, MessageInfo (cosmwasm-abi.md §4.1) and Reply (§4.4).
//!
//! These are parsed leniently — unknown fields are ignored — because the host, not a user,
//! writes them and newer nodes may add fields.

use crate::json::Json;
use crate::response::Event;

/// Secret v1 `Env`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Env {
    pub block: BlockInfo,
    pub contract: ContractInfo,
    pub transaction: Option<TransactionInfo>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockInfo {
    pub height: u64,
    /// Block time in nanoseconds since the Unix epoch (a decimal string on the wire).
    pub time_nanos: u64,
    pub chain_id: String,
    /// `env.block.random`: 32 bytes, only for contracts exporting `requires_random`.
    pub random: Option<Vec<u8>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractInfo {
    pub address: String,
    /// Lowercase hex SHA-256 of this contract's wasm.
    pub code_hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransactionInfo {
    pub index: u32,
    pub hash: String,
}

/// `{"sender":"secret1…","funds":[Coin]}`; the sender is `""` outside execute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageInfo {
    pub sender: String,
    pub funds: Vec<Coin>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coin {
    pub denom: String,
    pub amount: u128,
}

impl Coin {
    pub fn from_json(v: &Json) -> Result<Coin, String> {
        Ok(Coin { denom: v.str_field("denom")?.to_string(), amount: v.uint128_field("amount")? })
    }

    pub fn to_json(&self) -> Json {
        Json::obj(vec![("denom", Json::str(&self.denom)), ("amount", Json::uint128(self.amount))])
    }

    pub fn list_from_json(v: &Json) -> Result<Vec<Coin>, String> {
        v.as_array()?.iter().map(Coin::from_json).collect()
    }

    pub fn list_to_json(coins: &[Coin]) -> Json {
        Json::Arr(coins.iter().map(Coin::to_json).collect())
    }
}

/// A `Uint64`: a decimal string; a plain number is accepted too for robustness.
fn uint64(v: &Json) -> Result<u64, String> {
    match v {
        Json::Str(_) => {
            let n = v.as_uint128()?;
            u64::try_from(n).map_err(|_| "integer out of range for u64".to_string())
        }
        _ => v.as_u64(),
    }
}

impl Env {
    pub fn from_json(v: &Json) -> Result<Env, String> {
        let block = v.field("block")?;
        let contract = v.field("contract")?;
        let transaction = match v.opt_field("transaction") {
            None => None,
            Some(tx) => Some(TransactionInfo {
                index: u32::try_from(tx.u64_field("index")?).map_err(|_| "transaction index out of range")?,
                hash: tx.opt_str_field("hash")?.unwrap_or("").to_string(),
            }),
        };
        Ok(Env {
            block: BlockInfo {
                height: block.u64_field("height")?,
                time_nanos: uint64(block.field("time")?).map_err(|e| format!("invalid field `time`: {}", e))?,
                chain_id: block.str_field("chain_id")?.to_string(),
                random: block.opt_field("random").map(Json::as_binary).transpose()?,
            },
            contract: ContractInfo {
                address: contract.str_field("address")?.to_string(),
                code_hash: contract.opt_str_field("code_hash")?.unwrap_or("").to_string(),
            },
            transaction,
        })
    }
}

impl MessageInfo {
    pub fn from_json(v: &Json) -> Result<MessageInfo, String> {
        let funds = match v.opt_field("funds") {
            Some(f) => Coin::list_from_json(f)?,
            None => Vec::new(),
        };
        Ok(MessageInfo { sender: v.str_field("sender")?.to_string(), funds })
    }
}

/// The argument of `reply`: the id of the sub-message and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub id: u64,
    /// `Ok` for `{"ok":{…}}`, `Err(message)` for `{"error":"…"}` (lower-case on the wire).
    pub result: Result<SubMsgResponse, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubMsgResponse {
    pub events: Vec<Event>,
    pub data: Option<Vec<u8>>,
}

impl Reply {
    pub fn from_json(v: &Json) -> Result<Reply, String> {
        let id = v.u64_field("id")?;
        let result = v.field("result")?;
        let result = match result.variant()? {
            ("ok", ok) => {
                let events = match ok.opt_field("events") {
                    Some(list) => list.as_array()?.iter().map(Event::from_json).collect::<Result<_, _>>()?,
                    None => Vec::new(),
                };
                let data = ok.opt_field("data").map(Json::as_binary).transpose()?;
                Ok(SubMsgResponse { events, data })
            }
            ("error", msg) => Err(msg.as_str()?.to_string()),
            (other, _) => return Err(crate::json::unknown_variant(other, &["ok", "error"])),
        };
        Ok(Reply { id, result })
    }
}
