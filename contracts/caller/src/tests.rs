use arcanum_contract_sdk::entry::{run_execute, run_instantiate, run_query, run_reply};
use arcanum_contract_sdk::storage::mock;
use arcanum_contract_sdk::testing::{env_json, info_json, open_envelope, open_query};

const HASH: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

fn env() -> Vec<u8> {
    env_json(3, "secret1caller")
}

fn exec(msg: &str) -> Result<String, String> {
    open_envelope(&run_execute(&env(), &info_json("secret1user"), msg.as_bytes(), super::execute))
        .map(|v| v.to_string())
}

fn reply(msg: &str) -> Result<String, String> {
    open_envelope(&run_reply(&env(), msg.as_bytes(), super::reply)).map(|v| v.to_string())
}

fn last_reply() -> String {
    open_query(&run_query(&env(), br#"{"last_reply":{}}"#, super::query)).unwrap().to_string()
}

#[test]
fn call_emits_secret_wasm_execute_submsg() {
    mock::clear();
    open_envelope(&run_instantiate(&env(), &info_json("secret1user"), b"{}", super::instantiate)).unwrap();
    let msg = format!(
        r#"{{"call":{{"contract_addr":"secret1counter","code_hash":"{}","msg":"eyJpbmNyZW1lbnQiOnt9fQ==","reply_on":"success","id":42}}}}"#,
        HASH
    );
    assert_eq!(
        exec(&msg).unwrap(),
        format!(
            concat!(
                r#"{{"messages":[{{"id":42,"msg":{{"wasm":{{"execute":{{"contract_addr":"secret1counter","code_hash":"{}","msg":"eyJpbmNyZW1lbnQiOnt9fQ==","send":[]}}}}}},"gas_limit":null,"reply_on":"success"}}],"#,
                r#""attributes":[{{"key":"action","value":"call","encrypted":true}},{{"key":"id","value":"42","encrypted":true}},{{"key":"reply_on","value":"success","encrypted":true}}],"events":[],"data":null}}"#
            ),
            HASH
        )
    );
    let default_reply_on =
        format!(r#"{{"call":{{"contract_addr":"secret1c","code_hash":"{}","msg":"e30=","id":1}}}}"#, HASH);
    assert!(exec(&default_reply_on).unwrap().contains(r#""reply_on":"always""#));
}

#[test]
fn call_validation() {
    let base = r#"{"call":{"contract_addr":"secret1c","code_hash":"h","msg":"e30=","id":1,"reply_on":"sometimes"}}"#;
    assert_eq!(
        exec(base).unwrap_err(),
        "invalid field `reply_on`: unknown variant `sometimes`, expected one of `always`, `error`, `success`, `never`"
    );
    assert!(exec(&base.replace("e30=", "e30")).unwrap_err().starts_with("invalid field `msg`: invalid base64"));
    assert!(exec(&base.replace("secret1c", "juno1c")).unwrap_err().starts_with("invalid contract_addr"));
    assert_eq!(exec(&base.replace(r#""id":1,"#, "")).unwrap_err(), "missing field `id`");
}

#[test]
fn reply_records_ok_and_error() {
    mock::clear();
    assert_eq!(last_reply(), "null");
    let out = reply(r#"{"id":42,"result":{"ok":{"events":[{"type":"wasm","attributes":[{"key":"contract_address","value":"secret1counter"}]}],"data":"aGk="}}}"#).unwrap();
    assert_eq!(
        out,
        r#"{"messages":[],"attributes":[{"key":"action","value":"reply","encrypted":true},{"key":"reply_id","value":"42","encrypted":true},{"key":"reply_status","value":"ok","encrypted":true}],"events":[],"data":"aGk="}"#
    );
    assert_eq!(
        last_reply(),
        r#"{"id":42,"status":"ok","data":"aGk=","error":null,"events":[{"type":"wasm","attributes":[{"key":"contract_address","value":"secret1counter","encrypted":true}]}]}"#
    );
    let out = reply(r#"{"id":7,"result":{"error":"unauthorized"}}"#).unwrap();
    assert!(out.ends_with(r#""data":null}"#) && out.contains(r#""value":"error""#), "{}", out);
    assert_eq!(last_reply(), r#"{"id":7,"status":"error","data":null,"error":"unauthorized","events":[]}"#);
}

#[test]
fn noop_and_fail() {
    assert_eq!(exec(r#"{"noop":{}}"#).unwrap(), r#"{"messages":[],"attributes":[],"events":[],"data":null}"#);
    assert_eq!(exec(r#"{"fail":{}}"#).unwrap_err(), "failed on request");
    assert_eq!(exec(r#"{"fail":{"msg":"boom"}}"#).unwrap_err(), "boom");
    assert_eq!(exec(r#"{"nope":{}}"#).unwrap_err(), "unknown variant `nope`, expected one of `call`, `noop`, `fail`");
}
