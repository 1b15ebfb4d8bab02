//! A realistic module for the instrumentation tests: what rustc emits for ordinary code (an
//! allocator that grows memory, vtables called through call_indirect, a shadow-stack global,
//! data and element segments, name and producers custom sections), driven through a
//! few exported entry points.
//!
//! Built by ../../wat/instrument/build.sh with Debian's rustc 1.63 (dependencies.md §9); that
//! rustc predates sign-extension output, which semantics.wat covers instead.

use std::collections::BTreeMap;

/// Pseudo-random numbers (xorshift), sorted, summed with their index as weight.
#[no_mangle]
pub extern "C" fn sort_sum(n: u32, seed: u32) -> u64 {
    let mut x = seed | 1;
    let mut v: Vec<u32> = (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        })
        .collect();
    v.sort_unstable();
    v.iter()
        .enumerate()
        .map(|(i, &e)| (i as u64 + 1) * u64::from(e % 1000))
        .sum()
}

trait Shape {
    fn area(&self) -> i64;
}
struct Rect(i64, i64);
struct Tri(i64, i64);
struct Sq(i64);
impl Shape for Rect {
    fn area(&self) -> i64 {
        self.0 * self.1
    }
}
impl Shape for Tri {
    fn area(&self) -> i64 {
        self.0 * self.1 / 2
    }
}
impl Shape for Sq {
    fn area(&self) -> i64 {
        self.0 * self.0
    }
}

/// Dynamic dispatch (call_indirect through vtables) over a boxed collection.
#[no_mangle]
pub extern "C" fn shapes(n: u32) -> i64 {
    let mut all: Vec<Box<dyn Shape>> = Vec::new();
    for i in 0..n as i64 {
        match i % 3 {
            0 => all.push(Box::new(Rect(i, i + 1))),
            1 => all.push(Box::new(Tri(i, i + 3))),
            _ => all.push(Box::new(Sq(i - 7))),
        }
    }
    all.iter().map(|s| s.area()).sum()
}

/// Plain recursion, deep enough to matter for the call-depth bound (the push after the call keeps
/// it from becoming a loop).
#[no_mangle]
pub extern "C" fn depth(n: u32) -> u32 {
    fn go(n: u32, trail: &mut Vec<u32>) -> u32 {
        if n == 0 {
            return 0;
        }
        let below = go(n - 1, trail);
        trail.push(below);
        below + 1
    }
    let mut trail = Vec::new();
    let d = go(n, &mut trail);
    d + trail.iter().fold(0u32, |a, &b| a ^ b)
}

/// Word counting with a BTreeMap over bytes folded through i8 (sign extension).
#[no_mangle]
pub extern "C" fn words(n: u32) -> u64 {
    let text = b"the quick brown fox jumps over the lazy dog and the dog sleeps";
    let mut counts: BTreeMap<&[u8], u32> = BTreeMap::new();
    for round in 0..n {
        for w in text.split(|&b| b == b' ') {
            if (w.len() as u32 + round) % 3 != 0 {
                *counts.entry(w).or_insert(0) += 1;
            }
        }
    }
    let mut h: u64 = 0;
    for (w, c) in counts {
        for &b in w {
            h = h.wrapping_mul(31).wrapping_add((b as i8 as i64) as u64);
        }
        h = h.wrapping_add(u64::from(c));
    }
    h
}

/// Allocates and frees `mib` MiB, so the allocator has to grow memory.
#[no_mangle]
pub extern "C" fn churn(mib: u32) -> u32 {
    let mut total = 0u32;
    for i in 0..mib {
        let v = vec![(i as u8).wrapping_mul(7); 1 << 20];
        total = total.wrapping_add(v.iter().map(|&b| u32::from(b)).sum::<u32>());
    }
    total
}
