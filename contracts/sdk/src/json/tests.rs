use super::*;

fn p(s: &str) -> Json {
    parse(s.as_bytes()).unwrap_or_else(|e| panic!("{:?} failed: {}", s, e))
}

fn err(s: &str) -> String {
    parse(s.as_bytes()).expect_err(s)
}

#[test]
fn scalars() {
    assert_eq!(p("null"), Json::Null);
    assert_eq!(p(" true "), Json::Bool(true));
    assert_eq!(p("false"), Json::Bool(false));
    assert_eq!(p("0"), Json::Int("0".into()));
    assert_eq!(p("-0"), Json::Int("0".into()));
    assert_eq!(p("-17"), Json::Int("-17".into()));
    assert_eq!(p("\"hi\""), Json::Str("hi".into()));
}

#[test]
fn integers_convert_with_range_checks() {
    assert_eq!(p("18446744073709551615").as_u64(), Ok(u64::MAX));
    assert!(p("18446744073709551616").as_u64().is_err());
    assert_eq!(p("340282366920938463463374607431768211455").as_u128_number(), Ok(u128::MAX));
    assert!(p("340282366920938463463374607431768211456").as_u128_number().is_err());
    assert_eq!(p("-9223372036854775808").as_i64(), Ok(i64::MIN));
    assert!(p("-9223372036854775809").as_i64().is_err());
    assert_eq!(p("-2147483648").as_i32(), Ok(i32::MIN));
    assert!(p("2147483648").as_i32().is_err());
    assert!(p("-1").as_u64().is_err());
    assert!(p("\"5\"").as_u64().is_err());
}

#[test]
fn floats_and_bad_numbers_are_refused() {
    for bad in ["1.0", "1e3", "1E3", "-", "01", "+1", "0x10", ".5", "1.", "-01"] {
        assert!(parse(bad.as_bytes()).is_err(), "{:?} should fail", bad);
    }
    assert!(err("1.5").contains("only integers"));
}

#[test]
fn uint128_strings() {
    assert_eq!(p("\"1000\"").as_uint128(), Ok(1000));
    assert_eq!(p("\"340282366920938463463374607431768211455\"").as_uint128(), Ok(u128::MAX));
    for bad in ["\"\"", "\"-1\"", "\"+1\"", "\" 1\"", "\"1.0\"", "\"340282366920938463463374607431768211456\"", "5"] {
        assert!(p(bad).as_uint128().is_err(), "{:?} should fail", bad);
    }
}

#[test]
fn string_escapes() {
    assert_eq!(p(r#""a\"b\\c\/d\b\f\n\r\t""#), Json::Str("a\"b\\c/d\u{8}\u{c}\n\r\t".into()));
    assert_eq!(p(r#""\u0041\u00e9\u20AC""#), Json::Str("Aé€".into()));
    assert_eq!(p(r#""\ud83d\ude00""#), Json::Str("😀".into()));
    assert_eq!(p("\"héllo 😀\""), Json::Str("héllo 😀".into()));
    for bad in
        [r#""\ud83d""#, r#""\ude00""#, r#""\ud83dx""#, r#""\ud83d\u0041""#, r#""\x""#, r#""\u12""#, "\"a\nb\"", "\"abc"]
    {
        assert!(parse(bad.as_bytes()).is_err(), "{:?} should fail", bad);
    }
    assert!(parse(b"\"\xff\"").is_err());
}

#[test]
fn containers() {
    let v = p(r#" { "a" : [1, {"b": null}, []], "c": {} } "#);
    assert_eq!(v.get("c"), Some(&Json::Obj(vec![])));
    assert_eq!(v.field("a").unwrap().as_array().unwrap().len(), 3);
    assert!(v.get("zz").is_none());
    for bad in ["[1,]", "{\"a\":1,}", "{a:1}", "[1 2]", "{\"a\" 1}", "[", "{", "", " ", "[] []", "{\"a\":1}x"] {
        assert!(parse(bad.as_bytes()).is_err(), "{:?} should fail", bad);
    }
}

#[test]
fn duplicate_keys_are_refused() {
    assert!(err(r#"{"a":1,"a":2}"#).contains("duplicate field `a`"));
}

#[test]
fn depth_is_limited() {
    let ok = "[".repeat(64) + &"]".repeat(64);
    assert!(parse(ok.as_bytes()).is_ok());
    let deep = "[".repeat(65) + &"]".repeat(65);
    assert!(err(&deep).contains("nesting too deep"));
}

#[test]
fn writer_is_compact_and_escapes_like_serde_json() {
    let v = Json::obj(vec![
        ("s", Json::str("q\"b\\n\n\u{1}\u{1f}é😀/")),
        ("n", Json::i64(-5)),
        ("u", Json::u64(u64::MAX)),
        ("big", Json::uint128(u128::MAX)),
        ("a", Json::Arr(vec![Json::Null, Json::Bool(true), Json::Obj(vec![])])),
        ("bin", Json::binary(b"hi")),
    ]);
    assert_eq!(
        v.to_string(),
        r#"{"s":"q\"b\\n\n\u0001\u001fé😀/","n":-5,"u":18446744073709551615,"big":"340282366920938463463374607431768211455","a":[null,true,{}],"bin":"aGk="}"#
    );
    assert_eq!(Json::i64(i64::MIN).to_string(), "-9223372036854775808");
    assert_eq!(Json::u64(0).to_string(), "0");
}

#[test]
fn round_trip() {
    let text =
        r#"{"transfer":{"recipient":"secret1xyz","amount":"100","padding":"    ","n":[0,-1,2],"u":"\u0000 \t"}}"#;
    let v = p(text);
    assert_eq!(p(&v.to_string()), v);
}

#[test]
fn field_helpers_explain_errors() {
    let v = p(r#"{"count":"7","name":"x","amt":"12","k":null}"#);
    assert_eq!(v.str_field("name"), Ok("x"));
    assert_eq!(v.uint128_field("amt"), Ok(12));
    assert_eq!(v.opt_str_field("k"), Ok(None));
    assert_eq!(v.opt_str_field("absent"), Ok(None));
    assert_eq!(v.u64_field("count").unwrap_err(), "invalid field `count`: expected an integer, got a string");
    assert_eq!(v.str_field("nope").unwrap_err(), "missing field `nope`");
    assert_eq!(
        v.deny_unknown_fields(&["count", "name"]).unwrap_err(),
        "unknown field `amt`, expected one of `count`, `name`"
    );
}

#[test]
fn variants() {
    let (name, body) = p(r#"{"increment":{}}"#).variant().map(|(n, b)| (n.to_string(), b.clone())).unwrap();
    assert_eq!(name, "increment");
    assert_eq!(body, Json::Obj(vec![]));
    assert!(p("{}").variant().is_err());
    assert!(p(r#"{"a":1,"b":2}"#).variant().is_err());
    assert!(p(r#""increment""#).variant().is_err());
    assert_eq!(unknown_variant("x", &["a", "b"]), "unknown variant `x`, expected one of `a`, `b`");
}

#[test]
fn fmt_and_parse_u128() {
    for n in [0u128, 9, 10, 1234567890, u64::MAX as u128, u128::MAX] {
        assert_eq!(parse_u128(&fmt_u128(n)), Some(n));
    }
    assert_eq!(parse_u128(""), None);
}
