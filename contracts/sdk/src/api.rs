//! Address handling and debug output over the host's `addr_*` and `debug` imports.
//!
//! Off wasm32 a mock stands in: a valid address is `secret1` followed by lowercase ASCII
//! letters/digits (no checksum), and its canonical form is the bytes after `secret1`. Good
//! enough to test contract logic; real bech32 is the host's job.

/// Capacity the contract preallocates for `addr_canonicalize` output (1.x std: 64 bytes).
pub const CANONICAL_CAPACITY: usize = 64;
/// Capacity the contract preallocates for `addr_humanize` output (90 bytes, bech32's maximum).
pub const HUMAN_CAPACITY: usize = 90;

/// Ok if `human` is a valid address in its one canonical spelling (Secret: bech32 with prefix
/// `secret`, re-encoding must reproduce the input exactly).
pub fn addr_validate(human: &str) -> Result<(), String> {
    imp::addr_validate(human)
}

/// The canonical (raw bytes) form of a human address.
pub fn addr_canonicalize(human: &str) -> Result<Vec<u8>, String> {
    imp::addr_canonicalize(human)
}

/// The human (bech32) form of canonical address bytes.
pub fn addr_humanize(canonical: &[u8]) -> Result<String, String> {
    imp::addr_humanize(canonical)
}

/// Writes a message to the node's debug log (no-op on production nodes).
pub fn debug(message: &str) {
    imp::debug(message)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use crate::imports;
    use crate::memory::{alloc, borrow_region, consume_region, region_ptr, Region};

    /// Reads an import's result: 0 is success, anything else is a host-allocated error Region.
    fn check(result: u32) -> Result<(), String> {
        if result == 0 {
            return Ok(());
        }
        // SAFETY: the host built this Region with our `allocate`.
        let bytes = unsafe { consume_region(result as *mut Region) };
        Err(String::from_utf8_lossy(&bytes).into_owned())
    }

    pub fn addr_validate(human: &str) -> Result<(), String> {
        let src = borrow_region(human.as_bytes());
        check(unsafe { imports::addr_validate(region_ptr(&src)) })
    }

    /// Calls an import that writes into a contract-preallocated buffer of `capacity` bytes.
    fn with_output(capacity: usize, call: impl FnOnce(u32) -> u32) -> Result<Vec<u8>, String> {
        let dest = alloc(capacity);
        let result = check(call(dest as u32));
        // SAFETY: `dest` came from `alloc` above; consuming it frees it on both paths.
        let bytes = unsafe { consume_region(dest) };
        result.map(|_| bytes)
    }

    pub fn addr_canonicalize(human: &str) -> Result<Vec<u8>, String> {
        let src = borrow_region(human.as_bytes());
        with_output(super::CANONICAL_CAPACITY, |dest| unsafe { imports::addr_canonicalize(region_ptr(&src), dest) })
    }

    pub fn addr_humanize(canonical: &[u8]) -> Result<String, String> {
        let src = borrow_region(canonical);
        let bytes =
            with_output(super::HUMAN_CAPACITY, |dest| unsafe { imports::addr_humanize(region_ptr(&src), dest) })?;
        String::from_utf8(bytes).map_err(|_| "addr_humanize returned invalid UTF-8".to_string())
    }

    pub fn debug(message: &str) {
        let src = borrow_region(message.as_bytes());
        unsafe { imports::debug(region_ptr(&src)) }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    const PREFIX: &str = "secret1";

    pub fn addr_validate(human: &str) -> Result<(), String> {
        addr_canonicalize(human).map(|_| ())
    }

    pub fn addr_canonicalize(human: &str) -> Result<Vec<u8>, String> {
        let rest = human.strip_prefix(PREFIX).ok_or_else(|| format!("invalid address {:?}", human))?;
        let ok = !rest.is_empty()
            && rest.len() <= super::CANONICAL_CAPACITY
            && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if !ok {
            return Err(format!("invalid address {:?}", human));
        }
        Ok(rest.as_bytes().to_vec())
    }

    pub fn addr_humanize(canonical: &[u8]) -> Result<String, String> {
        let rest = std::str::from_utf8(canonical).map_err(|_| "invalid canonical address".to_string())?;
        let human = [PREFIX, rest].concat();
        addr_canonicalize(&human).map(|_| human)
    }

    pub fn debug(message: &str) {
        eprintln!("debug: {}", message);
    }
}
