//! Tests of the host-facing shapes: envelopes, Env/MessageInfo/Reply parsing, Response output.

use crate::entry::{run_execute, run_query, run_reply};
use crate::json::{parse, Json};
use crate::testing::{env_json, info_json, open_envelope};
use crate::*;

fn exec_ok(_: &Env, info: &MessageInfo, msg: &Json) -> Result<Response, String> {
    let r = Response::new().add_attribute("sender", &info.sender).add_attribute_plaintext("p", "1");
    match msg.variant()?.0 {
        "fail" => Err("went \"wrong\"".to_string()),
        _ => Ok(r.set_data(b"hi".to_vec())),
    }
}

fn query_echo(env: &Env, _: &Json) -> Result<Vec<u8>, String> {
    Ok(Json::obj(vec![("height", Json::u64(env.block.height))]).to_vec())
}

fn reply_echo(_: &Env, reply: &Reply) -> Result<Response, String> {
    Ok(Response::new().add_attribute("id", &reply.id.to_string()))
}

#[test]
fn execute_envelopes_use_secret_casing() {
    let ok = run_execute(&env_json(5, "secret1c"), &info_json("secret1alice"), br#"{"go":{}}"#, exec_ok);
    assert_eq!(
        String::from_utf8(ok).unwrap(),
        r#"{"Ok":{"messages":[],"attributes":[{"key":"sender","value":"secret1alice","encrypted":true},{"key":"p","value":"1","encrypted":false}],"events":[],"data":"aGk="}}"#
    );
    let err = run_execute(&env_json(5, "secret1c"), &info_json("secret1alice"), br#"{"fail":{}}"#, exec_ok);
    assert_eq!(String::from_utf8(err).unwrap(), r#"{"Err":"went \"wrong\""}"#);
}

#[test]
fn parse_errors_become_err_envelopes() {
    let bad_msg = run_execute(&env_json(5, "secret1c"), &info_json("secret1a"), b"{\"x\":1.5}", exec_ok);
    assert!(open_envelope(&bad_msg).unwrap_err().starts_with("Error parsing message: JSON parse error"));
    let bad_env = run_execute(b"{}", &info_json("secret1a"), b"{}", exec_ok);
    assert_eq!(open_envelope(&bad_env).unwrap_err(), "Error parsing env: missing field `block`");
}

#[test]
fn query_envelope_is_base64() {
    let out = run_query(&env_json(77, "secret1c"), b"{}", query_echo);
    assert_eq!(String::from_utf8(out).unwrap(), r#"{"Ok":"eyJoZWlnaHQiOjc3fQ=="}"#);
}

#[test]
fn env_and_info_parse_secret_v1_shapes() {
    let env = Env::from_json(&parse(br#"{"block":{"height":12,"time":"1571797419879305533","chain_id":"c","random":"AAEC"},"contract":{"address":"secret1x","code_hash":"ab"},"transaction":null,"extra":1}"#).unwrap()).unwrap();
    assert_eq!(env.block.height, 12);
    assert_eq!(env.block.time_nanos, 1571797419879305533);
    assert_eq!(env.block.random, Some(vec![0, 1, 2]));
    assert_eq!(env.contract.code_hash, "ab");
    assert_eq!(env.transaction, None);
    let info = MessageInfo::from_json(
        &parse(br#"{"sender":"secret1s","funds":[{"denom":"uscrt","amount":"1000"}]}"#).unwrap(),
    )
    .unwrap();
    assert_eq!(info.funds, vec![Coin { denom: "uscrt".into(), amount: 1000 }]);
}

#[test]
fn reply_parses_ok_and_error() {
    let ok = Reply::from_json(&parse(br#"{"id":7,"result":{"ok":{"events":[{"type":"wasm","attributes":[{"key":"k","value":"v"}]}],"data":"aGk="}}}"#).unwrap()).unwrap();
    assert_eq!(ok.id, 7);
    let resp = ok.result.unwrap();
    assert_eq!(resp.data, Some(b"hi".to_vec()));
    assert_eq!(resp.events[0].attributes[0], Attribute::new("k", "v", true));
    let err = Reply::from_json(&parse(br#"{"id":8,"result":{"error":"boom"}}"#).unwrap()).unwrap();
    assert_eq!(err.result, Err("boom".to_string()));
    let env = env_json(1, "secret1c");
    assert_eq!(
        open_envelope(&run_reply(&env, br#"{"id":9,"result":{"ok":{"events":[],"data":null}}}"#, reply_echo))
            .unwrap()
            .to_string(),
        r#"{"messages":[],"attributes":[{"key":"id","value":"9","encrypted":true}],"events":[],"data":null}"#
    );
    assert!(open_envelope(&run_reply(&env, br#"{"id":9,"result":{"nope":1}}"#, reply_echo))
        .unwrap_err()
        .contains("unknown variant `nope`"));
}

#[test]
fn submessages_use_the_secret_fork_shape() {
    let sub = SubMsg {
        id: 3,
        msg: CosmosMsg::WasmExecute {
            contract_addr: "secret1t".into(),
            code_hash: "cd".into(),
            msg: b"{}".to_vec(),
            send: vec![],
        },
        gas_limit: None,
        reply_on: ReplyOn::Success,
    };
    assert_eq!(
        sub.to_json().to_string(),
        r#"{"id":3,"msg":{"wasm":{"execute":{"contract_addr":"secret1t","code_hash":"cd","msg":"e30=","send":[]}}},"gas_limit":null,"reply_on":"success"}"#
    );
    let bank =
        CosmosMsg::BankSend { to_address: "secret1b".into(), amount: vec![Coin { denom: "uscrt".into(), amount: 5 }] };
    assert_eq!(
        bank.to_json().to_string(),
        r#"{"bank":{"send":{"to_address":"secret1b","amount":[{"denom":"uscrt","amount":"5"}]}}}"#
    );
}

#[test]
fn mock_storage_and_addresses() {
    storage::set(b"k", b"v");
    assert_eq!(storage::get(b"k"), Some(b"v".to_vec()));
    storage::remove(b"k");
    assert_eq!(storage::get(b"k"), None);
    storage::set_u128(b"n", u128::MAX);
    assert_eq!(storage::get_u128(b"n"), u128::MAX);
    assert_eq!(storage::get_u128(b"absent"), 0);
    assert_eq!(api::addr_canonicalize("secret1abc"), Ok(b"abc".to_vec()));
    assert_eq!(api::addr_humanize(b"abc"), Ok("secret1abc".to_string()));
    assert!(api::addr_validate("cosmos1abc").is_err());
}
