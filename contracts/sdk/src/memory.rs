//! The Region protocol (cosmwasm-abi.md §3) and the three exports every v1 contract needs.
//!
//! A Region is a 12-byte struct `{offset, capacity, length}` of little-endian u32s in linear
//! memory; host and contract only ever pass pointers to Regions. Buffers are plain `Vec<u8>`
//! allocations from Rust's global allocator, so a Region can be turned back into the `Vec`
//! that owns its buffer.

use std::mem;

#[repr(C)]
pub struct Region {
    /// First byte of the buffer; never 0 (Secret rejects a zero offset).
    pub offset: u32,
    /// Bytes reserved at `offset`.
    pub capacity: u32,
    /// Bytes in use, ≤ capacity.
    pub length: u32,
}

/// Marks the module as CosmWasm 1.x; the host checks that the export exists and never calls it.
#[no_mangle]
extern "C" fn interface_version_8() {}

/// Called by the host to create argument buffers and, re-entrantly during an import call,
/// output buffers (db_read values, error strings).
#[no_mangle]
extern "C" fn allocate(size: u32) -> u32 {
    alloc(size as usize) as u32
}

/// Frees a Region and its buffer (the host calls it on the result of an entry point).
#[no_mangle]
extern "C" fn deallocate(region: u32) {
    // SAFETY: the host only passes Regions this module handed out.
    unsafe {
        drop(consume_region(region as *mut Region));
    }
}

/// A new empty Region with room for at least `size` bytes.
pub fn alloc(size: usize) -> *mut Region {
    let data: Vec<u8> = Vec::with_capacity(size);
    let region =
        Box::new(Region { offset: data.as_ptr() as usize as u32, capacity: data.capacity() as u32, length: 0 });
    mem::forget(data);
    Box::into_raw(region)
}

/// Takes back ownership of a Region made by [`alloc`] or [`release_buffer`] and returns its
/// buffer as a `Vec` of `length` bytes; the Region struct itself is freed.
///
/// # Safety
/// `ptr` must point to a Region created by this module and not consumed before.
pub unsafe fn consume_region(ptr: *mut Region) -> Vec<u8> {
    assert!(!ptr.is_null(), "Region pointer is null");
    let region = Box::from_raw(ptr);
    assert!(region.offset != 0, "Region starts at null pointer");
    assert!(region.length <= region.capacity, "Region length exceeds capacity");
    Vec::from_raw_parts(region.offset as usize as *mut u8, region.length as usize, region.capacity as usize)
}

/// Hands a buffer to the host: a Region with capacity = length (exact, via a boxed slice, so
/// [`consume_region`] frees it with the layout it was allocated with).
pub fn release_buffer(data: Vec<u8>) -> *mut Region {
    let len = data.len() as u32;
    let ptr = Box::into_raw(data.into_boxed_slice()) as *mut u8;
    Box::into_raw(Box::new(Region { offset: ptr as usize as u32, capacity: len, length: len }))
}

/// A Region describing borrowed bytes, for host *inputs* (keys, values, addresses). The host
/// only reads it; the caller keeps `data` alive for the duration of the import call.
pub fn borrow_region(data: &[u8]) -> Box<Region> {
    Box::new(Region { offset: data.as_ptr() as usize as u32, capacity: data.len() as u32, length: data.len() as u32 })
}

/// The `u32` address of a Region, as the imports take it.
pub fn region_ptr(region: &Region) -> u32 {
    region as *const Region as usize as u32
}
