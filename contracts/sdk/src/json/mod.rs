//! A float-free JSON layer.
//!
//! Why not serde_json: its number parser links `f64` instructions even when a contract only reads
//! integers, and Secret refuses to instantiate a module containing any float instruction
//! (cosmwasm-abi.md §5.3). This module never touches floats: integers are kept as their decimal
//! text and converted on demand, and a number with a fraction or exponent is a parse error.

mod parse;
mod write;

pub use parse::parse;

use crate::base64;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// An integer as its decimal text ("-12", "0", "340282366920938463463374607431768211455").
    /// Text rather than a machine integer so the whole u128 and i128 ranges fit and nothing is
    /// ever rounded; the accessors below convert with range checks.
    Int(String),
    Str(String),
    Arr(Vec<Json>),
    /// Members in document order. Keys are unique: the parser rejects duplicates, so a message
    /// can never mean two different things to two readers.
    Obj(Vec<(String, Json)>),
}

impl Json {
    // ----- builders -------------------------------------------------------------------------

    /// An object from `(key, value)` pairs, in the given order (serde writes struct fields in
    /// declaration order; callers keep the same order for byte-identical output).
    pub fn obj(members: Vec<(&str, Json)>) -> Json {
        Json::Obj(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    pub fn str(s: &str) -> Json {
        Json::Str(s.to_string())
    }

    pub fn u64(n: u64) -> Json {
        Json::Int(fmt_u128(n as u128))
    }

    pub fn i64(n: i64) -> Json {
        let text = fmt_u128(n.unsigned_abs() as u128);
        Json::Int(if n < 0 { ["-", &text].concat() } else { text })
    }

    /// A `Uint128`: CosmWasm writes amounts as decimal *strings* so JavaScript clients keep
    /// full precision.
    pub fn uint128(n: u128) -> Json {
        Json::Str(fmt_u128(n))
    }

    /// A `Binary`: standard base64 with padding.
    pub fn binary(bytes: &[u8]) -> Json {
        Json::Str(base64::encode(bytes))
    }

    pub fn opt(v: Option<Json>) -> Json {
        v.unwrap_or(Json::Null)
    }

    // ----- plain accessors ------------------------------------------------------------------

    /// The member `key` of an object; `None` if absent or if `self` is not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn as_str(&self) -> Result<&str, String> {
        match self {
            Json::Str(s) => Ok(s),
            _ => Err(format!("expected a string, got {}", self.kind())),
        }
    }

    pub fn as_bool(&self) -> Result<bool, String> {
        match self {
            Json::Bool(b) => Ok(*b),
            _ => Err(format!("expected a boolean, got {}", self.kind())),
        }
    }

    pub fn as_array(&self) -> Result<&[Json], String> {
        match self {
            Json::Arr(items) => Ok(items),
            _ => Err(format!("expected an array, got {}", self.kind())),
        }
    }

    pub fn as_object(&self) -> Result<&[(String, Json)], String> {
        match self {
            Json::Obj(members) => Ok(members),
            _ => Err(format!("expected an object, got {}", self.kind())),
        }
    }

    /// A JSON number that fits u64 (heights, ids, code ids).
    pub fn as_u64(&self) -> Result<u64, String> {
        let n = self.as_u128_number()?;
        if n > u64::MAX as u128 {
            return Err("integer out of range for u64".to_string());
        }
        Ok(n as u64)
    }

    pub fn as_i64(&self) -> Result<i64, String> {
        let text = match self {
            Json::Int(t) => t.as_str(),
            _ => return Err(format!("expected an integer, got {}", self.kind())),
        };
        let (neg, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mag = parse_u128(digits).ok_or_else(|| "integer out of range for i64".to_string())?;
        if neg && mag <= (i64::MAX as u128) + 1 {
            Ok((mag as i64).wrapping_neg())
        } else if !neg && mag <= i64::MAX as u128 {
            Ok(mag as i64)
        } else {
            Err("integer out of range for i64".to_string())
        }
    }

    pub fn as_i32(&self) -> Result<i32, String> {
        let n = self.as_i64()?;
        if n < i32::MIN as i64 || n > i32::MAX as i64 {
            return Err("integer out of range for i32".to_string());
        }
        Ok(n as i32)
    }

    /// A non-negative JSON number up to u128::MAX.
    pub fn as_u128_number(&self) -> Result<u128, String> {
        match self {
            Json::Int(t) if t.starts_with('-') => Err("expected a non-negative integer".to_string()),
            Json::Int(t) => parse_u128(t).ok_or_else(|| "integer out of range for u128".to_string()),
            _ => Err(format!("expected an integer, got {}", self.kind())),
        }
    }

    /// A `Uint128`/`Uint64` amount: a decimal string such as `"1000"` (what CosmWasm writes).
    pub fn as_uint128(&self) -> Result<u128, String> {
        let s = self.as_str().map_err(|_| "expected a decimal string amount".to_string())?;
        parse_u128(s).ok_or_else(|| format!("invalid amount \"{}\": expected a decimal integer string", s))
    }

    /// A `Binary`: decodes standard padded base64.
    pub fn as_binary(&self) -> Result<Vec<u8>, String> {
        base64::decode(self.as_str()?)
    }

    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Int(_) => "an integer",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }

    // ----- field accessors with contextual errors (what a contract reads messages with) -----

    /// The required member `key`; errors name the field like serde does.
    pub fn field(&self, key: &str) -> Result<&Json, String> {
        self.as_object()?;
        self.get(key).ok_or_else(|| format!("missing field `{}`", key))
    }

    /// An optional member: absent and `null` both mean `None`, as serde's `Option` does.
    pub fn opt_field(&self, key: &str) -> Option<&Json> {
        self.get(key).filter(|v| !v.is_null())
    }

    pub fn str_field(&self, key: &str) -> Result<&str, String> {
        self.field(key)?.as_str().map_err(|e| ctx(key, e))
    }

    pub fn opt_str_field(&self, key: &str) -> Result<Option<&str>, String> {
        self.opt_field(key).map(|v| v.as_str().map_err(|e| ctx(key, e))).transpose()
    }

    pub fn u64_field(&self, key: &str) -> Result<u64, String> {
        self.field(key)?.as_u64().map_err(|e| ctx(key, e))
    }

    pub fn i32_field(&self, key: &str) -> Result<i32, String> {
        self.field(key)?.as_i32().map_err(|e| ctx(key, e))
    }

    pub fn uint128_field(&self, key: &str) -> Result<u128, String> {
        self.field(key)?.as_uint128().map_err(|e| ctx(key, e))
    }

    pub fn binary_field(&self, key: &str) -> Result<Vec<u8>, String> {
        self.field(key)?.as_binary().map_err(|e| ctx(key, e))
    }

    pub fn array_field(&self, key: &str) -> Result<&[Json], String> {
        self.field(key)?.as_array().map_err(|e| ctx(key, e))
    }

    /// Rejects members not in `allowed` (serde's `deny_unknown_fields`), so a typo in a message
    /// is an error instead of a silently ignored option.
    pub fn deny_unknown_fields(&self, allowed: &[&str]) -> Result<(), String> {
        for (k, _) in self.as_object()? {
            if !allowed.contains(&k.as_str()) {
                return Err(format!("unknown field `{}`, expected one of {}", k, list(allowed)));
            }
        }
        Ok(())
    }

    /// Splits an externally tagged enum value such as `{"transfer":{...}}` into
    /// `("transfer", {...})`; the object must have exactly one member.
    pub fn variant(&self) -> Result<(&str, &Json), String> {
        match self {
            Json::Obj(members) if members.len() == 1 => Ok((&members[0].0, &members[0].1)),
            _ => Err("expected an object with exactly one key naming the message variant".to_string()),
        }
    }

    // ----- output ---------------------------------------------------------------------------

    /// Compact JSON bytes (no whitespace), as serde_json's `to_vec` writes them.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = String::new();
        write::write(self, &mut out);
        out.into_bytes()
    }
}

/// Compact JSON text, so `.to_string()` gives what [`Json::to_vec`] gives.
impl std::fmt::Display for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        write::write(self, &mut out);
        f.write_str(&out)
    }
}

/// The error for an unknown enum variant, phrased like serde's.
pub fn unknown_variant(name: &str, expected: &[&str]) -> String {
    format!("unknown variant `{}`, expected one of {}", name, list(expected))
}

fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n)).collect();
    quoted.join(", ")
}

fn ctx(key: &str, err: String) -> String {
    format!("invalid field `{}`: {}", key, err)
}

/// Strict decimal parse: one or more ASCII digits, nothing else (no sign, no spaces), and no
/// overflow. Used for both JSON integers and `Uint128` strings.
pub fn parse_u128(s: &str) -> Option<u128> {
    if s.is_empty() {
        return None;
    }
    let mut n: u128 = 0;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add((b - b'0') as u128)?;
    }
    Some(n)
}

/// Decimal text of `n` without going through `core::fmt` (keeps the code small).
pub fn fmt_u128(mut n: u128) -> String {
    let mut buf = [0u8; 39];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[i..].iter().map(|&b| b as char).collect()
}

#[cfg(test)]
mod tests;
