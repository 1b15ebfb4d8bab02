//! A minimal SNIP-20-style token: transfers, viewing keys, private balance queries.
//! Message shapes follow the SNIP-20 reference implementation; see contracts/README.md.

mod state;
mod viewing_key;

use arcanum_contract_sdk::json::unknown_variant;
use arcanum_contract_sdk::{api, entry_points, sha256::sha256, Env, Json, MessageInfo, Response};
use state::Config;

entry_points! {
    instantiate => instantiate,
    execute => execute,
    query => query,
}

/// SNIP-20 pads every execute answer with spaces to a multiple of this, so the length of the
/// encrypted `data` does not reveal which message ran.
const RESPONSE_BLOCK_SIZE: usize = 256;

pub fn instantiate(_env: &Env, _info: &MessageInfo, msg: &Json) -> Result<Response, String> {
    msg.deny_unknown_fields(&["name", "symbol", "decimals", "initial_balances", "prng_seed"])?;
    let name = msg.str_field("name")?;
    if !(3..=30).contains(&name.len()) {
        return Err("Name is not in the expected format (3-30 UTF-8 bytes)".to_string());
    }
    let symbol = msg.str_field("symbol")?;
    if !(3..=20).contains(&symbol.len()) || !symbol.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err("Ticker symbol is not in expected format [a-zA-Z]{3,20}".to_string());
    }
    let decimals = msg.u64_field("decimals")?;
    if decimals > 18 {
        return Err("Decimals must not exceed 18".to_string());
    }
    let seed = msg.binary_field("prng_seed")?;

    // Validate everything before writing anything, so a bad entry leaves no partial state.
    let mut balances: Vec<(Vec<u8>, u128)> = Vec::new();
    let mut total: u128 = 0;
    if let Some(list) = msg.opt_field("initial_balances") {
        for entry in list.as_array().map_err(|e| format!("invalid field `initial_balances`: {}", e))? {
            entry.deny_unknown_fields(&["address", "amount"])?;
            let account = canonical(entry.str_field("address")?)?;
            let amount = entry.uint128_field("amount")?;
            total = total
                .checked_add(amount)
                .ok_or("The sum of all initial balances exceeds the maximum possible value")?;
            match balances.iter_mut().find(|(a, _)| *a == account) {
                Some((_, b)) => *b += amount, // cannot overflow: bounded by `total`
                None => balances.push((account, amount)),
            }
        }
    }

    Config { name: name.to_string(), symbol: symbol.to_string(), decimals: decimals as u8, total_supply: total }.save();
    state::save_seed(&sha256(&seed));
    for (account, amount) in &balances {
        state::set_balance(account, *amount);
    }
    Ok(Response::new())
}

pub fn execute(env: &Env, info: &MessageInfo, msg: &Json) -> Result<Response, String> {
    let answer = match msg.variant()? {
        ("transfer", body) => transfer(info, body)?,
        ("set_viewing_key", body) => set_viewing_key(info, body)?,
        ("create_viewing_key", body) => create_viewing_key(env, info, body)?,
        (other, _) => return Err(unknown_variant(other, &["transfer", "set_viewing_key", "create_viewing_key"])),
    };
    Ok(Response::new().set_data(space_pad(answer.to_vec(), RESPONSE_BLOCK_SIZE)))
}

/// `{"transfer":{"recipient","amount","memo"?,"padding"?}}` → `{"transfer":{"status":"success"}}`.
fn transfer(info: &MessageInfo, body: &Json) -> Result<Json, String> {
    body.deny_unknown_fields(&["recipient", "amount", "memo", "padding"])?;
    let to = canonical(body.str_field("recipient")?).map_err(|e| format!("invalid recipient: {}", e))?;
    let amount = body.uint128_field("amount")?;
    body.opt_str_field("memo")?; // accepted for client compatibility; this token keeps no history
    let from = api::addr_canonicalize(&info.sender)?;

    let from_balance = state::balance(&from);
    if from_balance < amount {
        return Err(format!("insufficient funds: balance={}, required={}", from_balance, amount));
    }
    if from != to {
        let to_balance = state::balance(&to).checked_add(amount).ok_or("recipient balance overflow")?;
        state::set_balance(&from, from_balance - amount);
        state::set_balance(&to, to_balance);
    }
    Ok(status("transfer"))
}

/// `{"set_viewing_key":{"key","padding"?}}` → `{"set_viewing_key":{"status":"success"}}`.
fn set_viewing_key(info: &MessageInfo, body: &Json) -> Result<Json, String> {
    body.deny_unknown_fields(&["key", "padding"])?;
    let key = body.str_field("key")?;
    state::set_viewing_key_hash(&api::addr_canonicalize(&info.sender)?, &viewing_key::hash(key));
    Ok(status("set_viewing_key"))
}

/// `{"create_viewing_key":{"entropy","padding"?}}` → `{"create_viewing_key":{"key":"api_key_…"}}`.
fn create_viewing_key(env: &Env, info: &MessageInfo, body: &Json) -> Result<Json, String> {
    body.deny_unknown_fields(&["entropy", "padding"])?;
    let entropy = body.str_field("entropy")?;
    let key = viewing_key::derive(&state::load_seed()?, env.block.height, &info.sender, entropy);
    state::set_viewing_key_hash(&api::addr_canonicalize(&info.sender)?, &viewing_key::hash(&key));
    Ok(Json::obj(vec![("create_viewing_key", Json::obj(vec![("key", Json::str(&key))]))]))
}

pub fn query(_env: &Env, msg: &Json) -> Result<Vec<u8>, String> {
    let answer = match msg.variant()? {
        ("balance", body) => {
            body.deny_unknown_fields(&["address", "key"])?;
            let account = canonical(body.str_field("address")?)?;
            let key = body.str_field("key")?;
            if viewing_key::matches(key, state::viewing_key_hash(&account).as_deref()) {
                let amount = Json::uint128(state::balance(&account));
                Json::obj(vec![("balance", Json::obj(vec![("amount", amount)]))])
            } else {
                let msg = Json::str(viewing_key::ERROR_MSG);
                Json::obj(vec![("viewing_key_error", Json::obj(vec![("msg", msg)]))])
            }
        }
        ("token_info", body) => {
            body.deny_unknown_fields(&[])?;
            Json::obj(vec![("token_info", Config::load()?.to_json())])
        }
        (other, _) => return Err(unknown_variant(other, &["balance", "token_info"])),
    };
    Ok(answer.to_vec())
}

/// A user-supplied address: must be valid in its canonical spelling, stored canonical.
fn canonical(human: &str) -> Result<Vec<u8>, String> {
    api::addr_validate(human)?;
    api::addr_canonicalize(human)
}

fn status(variant: &str) -> Json {
    Json::obj(vec![(variant, Json::obj(vec![("status", Json::str("success"))]))])
}

/// Appends spaces up to the next multiple of `block` (JSON ignores trailing whitespace).
fn space_pad(mut data: Vec<u8>, block: usize) -> Vec<u8> {
    let surplus = data.len() % block;
    if surplus != 0 {
        data.resize(data.len() + block - surplus, b' ');
    }
    data
}

#[cfg(test)]
mod tests;
