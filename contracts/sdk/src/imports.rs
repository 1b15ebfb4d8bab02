//! The host functions this SDK uses. All come from module `"env"` (the default import module
//! on wasm32-unknown-unknown) and are on Secret's v1 allow-list (cosmwasm-abi.md §2.3); an
//! import is only emitted into a contract's wasm when something actually calls it.
//! Deliberately absent: `abort` (not linked by Secret; a module importing it is refused).

extern "C" {
    /// key Region → host-allocated value Region, or 0 when the key is absent.
    pub fn db_read(key: u32) -> u32;
    pub fn db_write(key: u32, value: u32);
    pub fn db_remove(key: u32);
    /// 0 when valid, else a host-allocated Region holding the UTF-8 error.
    pub fn addr_validate(source: u32) -> u32;
    /// Writes into the contract-preallocated `destination`; 0 or an error Region as above.
    pub fn addr_canonicalize(source: u32, destination: u32) -> u32;
    pub fn addr_humanize(source: u32, destination: u32) -> u32;
    /// A no-op unless the node is a debug build.
    pub fn debug(source: u32);
}
