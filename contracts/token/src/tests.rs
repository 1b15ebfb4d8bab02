use arcanum_contract_sdk::base64;
use arcanum_contract_sdk::entry::{run_execute, run_instantiate, run_query};
use arcanum_contract_sdk::storage::mock;
use arcanum_contract_sdk::testing::{env_json, info_json, open_envelope, open_query};

const ALICE: &str = "secret1alice";
const BOB: &str = "secret1bob";

fn env() -> Vec<u8> {
    env_json(100, "secret1token")
}

fn init_msg(balances: &str) -> String {
    format!(
        r#"{{"name":"Secret Test","symbol":"STST","decimals":6,"initial_balances":{},"prng_seed":"c2VlZA=="}}"#,
        balances
    )
}

fn init() {
    mock::clear();
    let msg = init_msg(r#"[{"address":"secret1alice","amount":"1000"},{"address":"secret1alice","amount":"5"}]"#);
    open_envelope(&run_instantiate(&env(), &info_json(ALICE), msg.as_bytes(), super::instantiate)).unwrap();
}

/// Executes and returns the decoded, *unpadded* data JSON (asserting the padding first).
fn exec(sender: &str, msg: &str) -> Result<String, String> {
    let out = open_envelope(&run_execute(&env(), &info_json(sender), msg.as_bytes(), super::execute))?;
    let data = out.field("data").unwrap().as_binary().unwrap();
    assert_eq!(data.len() % 256, 0, "data padded to 256");
    assert_eq!(out.field("attributes").unwrap().as_array().unwrap().len(), 0);
    Ok(String::from_utf8(data).unwrap().trim_end_matches(' ').to_string())
}

fn query(msg: &str) -> Result<String, String> {
    open_query(&run_query(&env(), msg.as_bytes(), super::query)).map(|v| v.to_string())
}

fn balance(addr: &str, key: &str) -> String {
    query(&format!(r#"{{"balance":{{"address":"{}","key":"{}"}}}}"#, addr, key)).unwrap()
}

#[test]
fn token_info_and_supply() {
    init();
    assert_eq!(
        query(r#"{"token_info":{}}"#).unwrap(),
        r#"{"token_info":{"name":"Secret Test","symbol":"STST","decimals":6,"total_supply":"1005"}}"#
    );
}

#[test]
fn transfer_and_viewing_keys() {
    init();
    let vk_err = r#"{"viewing_key_error":{"msg":"Wrong viewing key for this address or viewing key not set"}}"#;
    assert_eq!(balance(ALICE, "anything"), vk_err);
    assert_eq!(
        exec(ALICE, r#"{"set_viewing_key":{"key":"hunter2","padding":"xx"}}"#).unwrap(),
        r#"{"set_viewing_key":{"status":"success"}}"#
    );
    assert_eq!(balance(ALICE, "hunter2"), r#"{"balance":{"amount":"1005"}}"#);
    assert_eq!(balance(ALICE, "hunter3"), vk_err);

    let out = exec(ALICE, r#"{"transfer":{"recipient":"secret1bob","amount":"300","memo":"hi"}}"#).unwrap();
    assert_eq!(out, r#"{"transfer":{"status":"success"}}"#);
    assert_eq!(balance(ALICE, "hunter2"), r#"{"balance":{"amount":"705"}}"#);

    let created = exec(BOB, r#"{"create_viewing_key":{"entropy":"dice"}}"#).unwrap();
    let key =
        created.strip_prefix(r#"{"create_viewing_key":{"key":""#).unwrap().strip_suffix(r#""}}"#).unwrap().to_string();
    assert!(key.starts_with("api_key_") && base64::decode(&key[8..]).unwrap().len() == 32, "{}", key);
    assert_eq!(balance(BOB, &key), r#"{"balance":{"amount":"300"}}"#);
    // Deterministic: same inputs, same key; other entropy, other key.
    assert_eq!(exec(BOB, r#"{"create_viewing_key":{"entropy":"dice"}}"#).unwrap(), created);
    assert_ne!(exec(BOB, r#"{"create_viewing_key":{"entropy":"dice2"}}"#).unwrap(), created);
    assert_eq!(balance(BOB, &key), vk_err, "the new key replaced the old one");
}

#[test]
fn failed_transfers_change_nothing() {
    init();
    let before = mock::snapshot();
    assert_eq!(
        exec(ALICE, r#"{"transfer":{"recipient":"secret1bob","amount":"1006"}}"#),
        Err("insufficient funds: balance=1005, required=1006".to_string())
    );
    assert_eq!(
        exec(BOB, r#"{"transfer":{"recipient":"secret1alice","amount":"1"}}"#),
        Err("insufficient funds: balance=0, required=1".to_string())
    );
    assert!(exec(ALICE, r#"{"transfer":{"recipient":"cosmos1bob","amount":"1"}}"#)
        .unwrap_err()
        .starts_with("invalid recipient: "));
    assert_eq!(
        exec(ALICE, r#"{"transfer":{"recipient":"secret1bob","amount":"-1"}}"#),
        Err(r#"invalid field `amount`: invalid amount "-1": expected a decimal integer string"#.to_string())
    );
    assert_eq!(
        exec(ALICE, r#"{"transfer":{"recipient":"secret1bob","amount":100}}"#),
        Err("invalid field `amount`: expected a decimal string amount".to_string())
    );
    assert_eq!(
        exec(ALICE, r#"{"transfer":{"recipient":"secret1bob","amount":"1","extra":1}}"#),
        Err("unknown field `extra`, expected one of `recipient`, `amount`, `memo`, `padding`".to_string())
    );
    assert_eq!(
        exec(ALICE, r#"{"mint":{}}"#),
        Err("unknown variant `mint`, expected one of `transfer`, `set_viewing_key`, `create_viewing_key`".to_string())
    );
    assert_eq!(mock::snapshot(), before);
}

#[test]
fn self_transfer_keeps_balance() {
    init();
    exec(ALICE, r#"{"set_viewing_key":{"key":"k"}}"#).unwrap();
    exec(ALICE, r#"{"transfer":{"recipient":"secret1alice","amount":"1005"}}"#).unwrap();
    assert_eq!(balance(ALICE, "k"), r#"{"balance":{"amount":"1005"}}"#);
}

#[test]
fn instantiate_validation() {
    mock::clear();
    let run =
        |msg: &str| open_envelope(&run_instantiate(&env(), &info_json(ALICE), msg.as_bytes(), super::instantiate));
    let max = u128::MAX;
    let overflow = format!(r#"[{{"address":"secret1a","amount":"{}"}},{{"address":"secret1b","amount":"1"}}]"#, max);
    assert_eq!(
        run(&init_msg(&overflow)).unwrap_err(),
        "The sum of all initial balances exceeds the maximum possible value"
    );
    assert!(run(&init_msg(r#"[{"address":"bad","amount":"1"}]"#)).is_err());
    assert_eq!(mock::snapshot().len(), 0, "nothing written on failure");
    assert!(run(&init_msg("[]").replace("\"STST\"", "\"S1\"")).unwrap_err().starts_with("Ticker symbol"));
    assert!(run(&init_msg("[]").replace("\"decimals\":6", "\"decimals\":19")).unwrap_err().starts_with("Decimals"));
    assert!(run(&init_msg("[]").replace("c2VlZA==", "c2VlZA=")).unwrap_err().starts_with("invalid field `prng_seed`"));
    assert!(run(&init_msg("[]")).is_ok());
}

#[test]
fn balance_query_needs_a_valid_address() {
    init();
    assert!(query(r#"{"balance":{"address":"nope","key":"k"}}"#).is_err());
    assert!(query(r#"{"balance":{"address":"secret1alice"}}"#).unwrap_err().contains("missing field `key`"));
}

#[test]
fn space_pad_rounds_up_to_blocks() {
    assert_eq!(super::space_pad(vec![b'x'; 256], 256).len(), 256);
    assert_eq!(super::space_pad(vec![b'x'; 257], 256).len(), 512);
    assert_eq!(super::space_pad(vec![], 256).len(), 0);
}
