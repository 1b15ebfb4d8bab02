//! Standard base64 (RFC 4648 §4, `+/`, `=` padding) — CosmWasm's `Binary` encoding.
//!
//! Decoding is strict, like the `base64` crate's STANDARD engine that cosmwasm-std uses: the
//! length must be a multiple of 4, padding only at the end, no whitespace, and the unused low
//! bits of the last character must be zero, so every byte string has exactly one encoding.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity((data.len() + 2) / 3 * 4);
    for chunk in data.chunks(3) {
        let b0 = chunk[0] as u32;
        let b1 = *chunk.get(1).unwrap_or(&0) as u32;
        let b2 = *chunk.get(2).unwrap_or(&0) as u32;
        let n = (b0 << 16) | (b1 << 8) | b2;
        out.push(ALPHABET[(n >> 18) as usize & 63] as char);
        out.push(ALPHABET[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 { ALPHABET[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if chunk.len() > 2 { ALPHABET[n as usize & 63] as char } else { '=' });
    }
    out
}

fn value_of(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some((c - b'A') as u32),
        b'a'..=b'z' => Some((c - b'a' + 26) as u32),
        b'0'..=b'9' => Some((c - b'0' + 52) as u32),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

pub fn decode(text: &str) -> Result<Vec<u8>, String> {
    let s = text.as_bytes();
    if s.len() % 4 != 0 {
        return Err("invalid base64: length is not a multiple of 4".to_string());
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let quads = s.len() / 4;
    for (qi, quad) in s.chunks(4).enumerate() {
        let last = qi + 1 == quads;
        // Padding: "xx==" or "xxx=", and only in the final quad.
        let pad = match (quad[2], quad[3]) {
            (b'=', b'=') => 2,
            (_, b'=') => 1,
            _ => 0,
        };
        if pad > 0 && !last {
            return Err("invalid base64: padding before the end".to_string());
        }
        let mut n: u32 = 0;
        for &c in &quad[..4 - pad] {
            let v = value_of(c).ok_or_else(|| "invalid base64: unexpected character".to_string())?;
            n = (n << 6) | v;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Non-zero bits hidden under the padding would give a second encoding of the same data.
        if (pad == 1 && bytes[2] != 0) || (pad == 2 && (bytes[1] != 0 || bytes[2] != 0)) {
            return Err("invalid base64: non-zero trailing bits".to_string());
        }
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, enc) in cases {
            assert_eq!(encode(plain.as_bytes()), enc);
            assert_eq!(decode(enc).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn all_bytes_round_trip() {
        let data: Vec<u8> = (0..=255u8).collect();
        for len in 0..data.len() {
            assert_eq!(decode(&encode(&data[..len])).unwrap(), &data[..len]);
        }
        assert!(encode(&[0xfb, 0xff]).contains('+') || encode(&[0xfb, 0xff]).contains('/'));
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["Zg", "Zg=", "Zg===", "Z===", "Zm9v\n", "Zm 9", "Zg==Zm9v", "Zh==", "Zm9=", "Zm-_", "=Zg="] {
            assert!(decode(bad).is_err(), "{:?} should be rejected", bad);
        }
    }
}
