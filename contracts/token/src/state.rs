//! Token storage layout. Every account key uses the *canonical* address, so two spellings of
//! one address can never hold two balances.
//!
//! | key | value |
//! |---|---|
//! | `config` | JSON `{"name","symbol","decimals","total_supply":"<u128>"}` |
//! | `prng_seed` | 32 bytes: SHA-256 of the instantiate `prng_seed` |
//! | `balance:` ‖ canonical address | u128, 16 bytes big-endian (absent = 0) |
//! | `vk:` ‖ canonical address | 32 bytes: SHA-256 of the account's viewing key |

use arcanum_contract_sdk::{storage, Json};

const CONFIG_KEY: &[u8] = b"config";
const SEED_KEY: &[u8] = b"prng_seed";
const BALANCE_PREFIX: &[u8] = b"balance:";
const VIEWING_KEY_PREFIX: &[u8] = b"vk:";

pub struct Config {
    pub name: String,
    pub symbol: String,
    pub decimals: u8,
    pub total_supply: u128,
}

impl Config {
    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("name", Json::str(&self.name)),
            ("symbol", Json::str(&self.symbol)),
            ("decimals", Json::u64(self.decimals as u64)),
            ("total_supply", Json::uint128(self.total_supply)),
        ])
    }

    pub fn save(&self) {
        storage::set_json(CONFIG_KEY, &self.to_json());
    }

    pub fn load() -> Result<Config, String> {
        let v = storage::get_json(CONFIG_KEY)?.ok_or("token config not found")?;
        let decimals = v.u64_field("decimals")?;
        Ok(Config {
            name: v.str_field("name")?.to_string(),
            symbol: v.str_field("symbol")?.to_string(),
            decimals: u8::try_from(decimals).map_err(|_| "corrupt decimals in config")?,
            total_supply: v.uint128_field("total_supply")?,
        })
    }
}

pub fn save_seed(seed: &[u8; 32]) {
    storage::set(SEED_KEY, seed);
}

pub fn load_seed() -> Result<Vec<u8>, String> {
    storage::get(SEED_KEY).ok_or_else(|| "prng seed not found".to_string())
}

pub fn balance(account: &[u8]) -> u128 {
    storage::get_u128(&storage::key(BALANCE_PREFIX, account))
}

pub fn set_balance(account: &[u8], amount: u128) {
    storage::set_u128(&storage::key(BALANCE_PREFIX, account), amount)
}

pub fn viewing_key_hash(account: &[u8]) -> Option<Vec<u8>> {
    storage::get(&storage::key(VIEWING_KEY_PREFIX, account))
}

pub fn set_viewing_key_hash(account: &[u8], hash: &[u8; 32]) {
    storage::set(&storage::key(VIEWING_KEY_PREFIX, account), hash)
}
