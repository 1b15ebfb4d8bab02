use arcanum_contract_sdk::entry::{run_execute, run_instantiate, run_query};
use arcanum_contract_sdk::storage::mock;
use arcanum_contract_sdk::testing::{env_json, info_json, open_envelope, open_query};

const OWNER: &str = "secret1owner";

fn env() -> Vec<u8> {
    env_json(10, "secret1counter")
}

/// Starts from empty storage (the mock store is per thread; this keeps tests independent even
/// when the harness reuses a thread).
fn init(count: &str) -> Result<String, String> {
    mock::clear();
    let msg = format!(r#"{{"count":{}}}"#, count);
    open_envelope(&run_instantiate(&env(), &info_json(OWNER), msg.as_bytes(), super::instantiate))
        .map(|v| v.to_string())
}

fn exec(sender: &str, msg: &str) -> Result<String, String> {
    open_envelope(&run_execute(&env(), &info_json(sender), msg.as_bytes(), super::execute)).map(|v| v.to_string())
}

fn count() -> String {
    open_query(&run_query(&env(), br#"{"get_count":{}}"#, super::query)).unwrap().to_string()
}

#[test]
fn instantiate_increment_query() {
    let out = init("5").unwrap();
    assert!(out.contains(r#"{"key":"owner","value":"secret1owner","encrypted":true}"#), "{}", out);
    assert_eq!(count(), r#"{"count":5}"#);
    let out = exec("secret1other", r#"{"increment":{}}"#).unwrap();
    assert_eq!(
        out,
        r#"{"messages":[],"attributes":[{"key":"action","value":"increment","encrypted":true},{"key":"count","value":"6","encrypted":true}],"events":[],"data":null}"#
    );
    assert_eq!(count(), r#"{"count":6}"#);
}

#[test]
fn reset_is_owner_only() {
    init("-3").unwrap();
    let before = mock::snapshot();
    assert_eq!(exec("secret1other", r#"{"reset":{"count":0}}"#), Err("unauthorized".to_string()));
    assert_eq!(mock::snapshot(), before);
    exec(OWNER, r#"{"reset":{"count":42}}"#).unwrap();
    assert_eq!(count(), r#"{"count":42}"#);
}

#[test]
fn bad_messages() {
    assert!(init("1.5").unwrap_err().starts_with("Error parsing message"));
    assert_eq!(init("2147483648").unwrap_err(), "invalid field `count`: integer out of range for i32");
    init("2147483647").unwrap();
    assert_eq!(exec(OWNER, r#"{"increment":{}}"#), Err("count overflow".to_string()));
    assert_eq!(
        exec(OWNER, r#"{"decrement":{}}"#),
        Err("unknown variant `decrement`, expected one of `increment`, `reset`".to_string())
    );
    assert_eq!(exec(OWNER, r#"{"reset":{}}"#), Err("missing field `count`".to_string()));
}

#[test]
fn execute_before_instantiate_fails_cleanly() {
    mock::clear();
    assert_eq!(exec(OWNER, r#"{"increment":{}}"#), Err("counter state not found".to_string()));
}
