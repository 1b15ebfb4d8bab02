//! What a contract returns (cosmwasm-abi.md §4.2–4.4), in the Secret 1.x fork's shapes.

use crate::json::Json;
use crate::types::Coin;

/// A `Response`: serialised as exactly `messages`, `attributes`, `events`, `data` — Secret's
/// enclave refuses unknown top-level fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    pub messages: Vec<SubMsg>,
    pub attributes: Vec<Attribute>,
    pub events: Vec<Event>,
    pub data: Option<Vec<u8>>,
}

/// A key/value attribute. Secret encrypts `encrypted` attributes to the transaction sender;
/// plaintext ones are readable by everyone (and indexable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub key: String,
    pub value: String,
    pub encrypted: bool,
}

/// A custom event; the chain emits it with type `wasm-<ty>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub ty: String,
    pub attributes: Vec<Attribute>,
}

/// When the caller wants `reply` invoked for a sub-message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplyOn {
    Always,
    Error,
    Success,
    Never,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubMsg {
    pub id: u64,
    pub msg: CosmosMsg,
    pub gas_limit: Option<u64>,
    pub reply_on: ReplyOn,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CosmosMsg {
    /// `{"wasm":{"execute":{contract_addr, code_hash, msg, send}}}` — Secret's fork names the
    /// funds `send` and needs the callee's code hash (the enclave prefixes it to the message).
    WasmExecute { contract_addr: String, code_hash: String, msg: Vec<u8>, send: Vec<Coin> },
    /// `{"bank":{"send":{to_address, amount}}}`
    BankSend { to_address: String, amount: Vec<Coin> },
    /// Any other variant, written verbatim (e.g. `{"staking":{…}}`).
    Raw(Json),
}

impl Response {
    pub fn new() -> Response {
        Response::default()
    }

    /// An encrypted attribute (Secret's default for `add_attribute`).
    pub fn add_attribute(mut self, key: &str, value: &str) -> Response {
        self.attributes.push(Attribute::new(key, value, true));
        self
    }

    /// An attribute left in plaintext on chain.
    pub fn add_attribute_plaintext(mut self, key: &str, value: &str) -> Response {
        self.attributes.push(Attribute::new(key, value, false));
        self
    }

    /// A message that never triggers `reply` (id 0).
    pub fn add_message(self, msg: CosmosMsg) -> Response {
        self.add_submessage(SubMsg { id: 0, msg, gas_limit: None, reply_on: ReplyOn::Never })
    }

    pub fn add_submessage(mut self, msg: SubMsg) -> Response {
        self.messages.push(msg);
        self
    }

    pub fn add_event(mut self, event: Event) -> Response {
        self.events.push(event);
        self
    }

    pub fn set_data(mut self, data: Vec<u8>) -> Response {
        self.data = Some(data);
        self
    }

    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("messages", Json::Arr(self.messages.iter().map(SubMsg::to_json).collect())),
            ("attributes", Json::Arr(self.attributes.iter().map(Attribute::to_json).collect())),
            ("events", Json::Arr(self.events.iter().map(Event::to_json).collect())),
            ("data", Json::opt(self.data.as_deref().map(Json::binary))),
        ])
    }
}

impl Attribute {
    pub fn new(key: &str, value: &str, encrypted: bool) -> Attribute {
        Attribute { key: key.to_string(), value: value.to_string(), encrypted }
    }

    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("key", Json::str(&self.key)),
            ("value", Json::str(&self.value)),
            ("encrypted", Json::Bool(self.encrypted)),
        ])
    }

    /// `encrypted` defaults to true when absent, as in Secret's types.
    pub fn from_json(v: &Json) -> Result<Attribute, String> {
        let encrypted = v.opt_field("encrypted").map(Json::as_bool).transpose()?.unwrap_or(true);
        Ok(Attribute::new(v.str_field("key")?, v.str_field("value")?, encrypted))
    }
}

impl Event {
    pub fn new(ty: &str) -> Event {
        Event { ty: ty.to_string(), attributes: Vec::new() }
    }

    pub fn add_attribute(mut self, key: &str, value: &str) -> Event {
        self.attributes.push(Attribute::new(key, value, true));
        self
    }

    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("type", Json::str(&self.ty)),
            ("attributes", Json::Arr(self.attributes.iter().map(Attribute::to_json).collect())),
        ])
    }

    pub fn from_json(v: &Json) -> Result<Event, String> {
        let attributes = match v.opt_field("attributes") {
            Some(list) => list.as_array()?.iter().map(Attribute::from_json).collect::<Result<_, _>>()?,
            None => Vec::new(),
        };
        Ok(Event { ty: v.str_field("type")?.to_string(), attributes })
    }
}

impl ReplyOn {
    pub fn as_str(self) -> &'static str {
        match self {
            ReplyOn::Always => "always",
            ReplyOn::Error => "error",
            ReplyOn::Success => "success",
            ReplyOn::Never => "never",
        }
    }

    pub fn parse(s: &str) -> Result<ReplyOn, String> {
        match s {
            "always" => Ok(ReplyOn::Always),
            "error" => Ok(ReplyOn::Error),
            "success" => Ok(ReplyOn::Success),
            "never" => Ok(ReplyOn::Never),
            other => Err(crate::json::unknown_variant(other, &["always", "error", "success", "never"])),
        }
    }
}

impl SubMsg {
    pub fn to_json(&self) -> Json {
        Json::obj(vec![
            ("id", Json::u64(self.id)),
            ("msg", self.msg.to_json()),
            ("gas_limit", Json::opt(self.gas_limit.map(Json::u64))),
            ("reply_on", Json::str(self.reply_on.as_str())),
        ])
    }
}

impl CosmosMsg {
    pub fn to_json(&self) -> Json {
        match self {
            CosmosMsg::WasmExecute { contract_addr, code_hash, msg, send } => tagged(
                "wasm",
                tagged(
                    "execute",
                    Json::obj(vec![
                        ("contract_addr", Json::str(contract_addr)),
                        ("code_hash", Json::str(code_hash)),
                        ("msg", Json::binary(msg)),
                        ("send", Coin::list_to_json(send)),
                    ]),
                ),
            ),
            CosmosMsg::BankSend { to_address, amount } => tagged(
                "bank",
                tagged(
                    "send",
                    Json::obj(vec![("to_address", Json::str(to_address)), ("amount", Coin::list_to_json(amount))]),
                ),
            ),
            CosmosMsg::Raw(v) => v.clone(),
        }
    }
}

fn tagged(tag: &str, inner: Json) -> Json {
    Json::obj(vec![(tag, inner)])
}
