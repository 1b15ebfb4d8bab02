//! Contract storage over `db_read` / `db_write` / `db_remove`.
//!
//! Off wasm32 (host unit tests) the same functions use an in-memory map per thread, so contract
//! logic can be tested with plain `cargo test`.

use crate::json::{self, Json};

/// The value under `key`, or `None` if absent.
pub fn get(key: &[u8]) -> Option<Vec<u8>> {
    imp::get(key)
}

/// Stores `value` under `key`. An empty value is refused (a programmer error, so a trap) for
/// the same reason cosmwasm-std refuses it: the host cannot tell it apart from "absent".
pub fn set(key: &[u8], value: &[u8]) {
    assert!(!value.is_empty(), "storage values must not be empty; use remove");
    imp::set(key, value)
}

pub fn remove(key: &[u8]) {
    imp::remove(key)
}

/// A JSON document under `key`; a stored value that does not parse is reported as an error.
pub fn get_json(key: &[u8]) -> Result<Option<Json>, String> {
    get(key).map(|bytes| json::parse(&bytes)).transpose()
}

pub fn set_json(key: &[u8], value: &Json) {
    set(key, &value.to_vec())
}

/// A u128 stored as 16 big-endian bytes; absent reads as 0.
pub fn get_u128(key: &[u8]) -> u128 {
    match get(key) {
        Some(bytes) if bytes.len() == 16 => {
            let mut b = [0u8; 16];
            b.copy_from_slice(&bytes);
            u128::from_be_bytes(b)
        }
        Some(_) => panic!("corrupt u128 in storage"),
        None => 0,
    }
}

pub fn set_u128(key: &[u8], value: u128) {
    set(key, &value.to_be_bytes())
}

/// `prefix ‖ suffix`: namespaced keys such as `balance:` ‖ canonical address.
pub fn key(prefix: &[u8], suffix: &[u8]) -> Vec<u8> {
    [prefix, suffix].concat()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use crate::imports;
    use crate::memory::{borrow_region, consume_region, region_ptr, Region};

    pub fn get(key: &[u8]) -> Option<Vec<u8>> {
        let k = borrow_region(key);
        let result = unsafe { imports::db_read(region_ptr(&k)) };
        if result == 0 {
            return None;
        }
        // SAFETY: the host built this Region with our `allocate`.
        Some(unsafe { consume_region(result as *mut Region) })
    }

    pub fn set(key: &[u8], value: &[u8]) {
        let (k, v) = (borrow_region(key), borrow_region(value));
        unsafe { imports::db_write(region_ptr(&k), region_ptr(&v)) }
    }

    pub fn remove(key: &[u8]) {
        let k = borrow_region(key);
        unsafe { imports::db_remove(region_ptr(&k)) }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    thread_local! {
        static STORE: RefCell<BTreeMap<Vec<u8>, Vec<u8>>> = RefCell::new(BTreeMap::new());
    }

    pub fn get(key: &[u8]) -> Option<Vec<u8>> {
        STORE.with(|s| s.borrow().get(key).cloned())
    }

    pub fn set(key: &[u8], value: &[u8]) {
        STORE.with(|s| s.borrow_mut().insert(key.to_vec(), value.to_vec()));
    }

    pub fn remove(key: &[u8]) {
        STORE.with(|s| s.borrow_mut().remove(key));
    }

    pub fn clear() {
        STORE.with(|s| s.borrow_mut().clear());
    }

    pub fn snapshot() -> BTreeMap<Vec<u8>, Vec<u8>> {
        STORE.with(|s| s.borrow().clone())
    }
}

/// Host-test helpers: the mock store is per thread, and every test runs on its own thread.
#[cfg(not(target_arch = "wasm32"))]
pub mod mock {
    /// Empties the mock store.
    pub fn clear() {
        super::imp::clear()
    }

    /// A copy of every key/value, to assert that a failed call changed nothing.
    pub fn snapshot() -> std::collections::BTreeMap<Vec<u8>, Vec<u8>> {
        super::imp::snapshot()
    }
}
