//! The machine-wide server health table: fixed-size slots in anonymous shared memory, mapped
//! once at module startup, before PHP-FPM (or Apache) forks its workers, so every worker sees
//! every other worker's failures and probes ([`HealthSlot`]).
//!
//! Slots are keyed by a 64-bit hash of `host:port`, claimed with a compare-and-swap and never
//! freed (a pool of servers is small and stable; the table holds [`CAPACITY`] of them). A
//! server that finds the table full, or a process without the table (the CLI,
//! `memcache.shared_health = 0`), keeps its health in process memory as the C extension does.
//! The slot also keeps the server's name (up to [`NAME_LEN`] bytes) for `php --ri memcache`.

use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::OnceLock;

use crate::pool::health::HealthSlot;

/// Number of slots.
pub const CAPACITY: usize = 256;

/// Bytes of the server name kept for display.
pub const NAME_LEN: usize = 96;

/// Key of a slot being claimed: its name is not written yet.
const CLAIMING: u64 = u64::MAX;

/// One slot: the key, the name and the health record.
#[repr(C)]
struct Slot {
    key: AtomicU64,
    name_len: AtomicU8,
    name: [AtomicU8; NAME_LEN],
    health: HealthSlot,
}

/// The mapped table.
pub struct HealthTable {
    slots: &'static [Slot],
}

static TABLE: OnceLock<HealthTable> = OnceLock::new();

/// Maps the table into shared memory (module startup). Later calls do nothing. Returns false
/// if the mapping failed, in which case health stays per process.
pub fn install() -> bool {
    if TABLE.get().is_some() {
        return true;
    }
    match HealthTable::map() {
        Some(table) => TABLE.set(table).is_ok() || TABLE.get().is_some(),
        None => false,
    }
}

/// The table, if this process has one.
pub fn table() -> Option<&'static HealthTable> {
    TABLE.get()
}

/// FNV-1a of `host:port`, never 0 (free) or [`CLAIMING`].
fn slot_key(name: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in name {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    match hash {
        0 | CLAIMING => 1,
        h => h,
    }
}

/// The name a server's slot is keyed and shown by.
pub fn server_name(host: &str, tcp_port: u16) -> String {
    format!("{host}:{tcp_port}")
}

impl HealthTable {
    /// Maps [`CAPACITY`] zeroed slots shared with future child processes.
    fn map() -> Option<HealthTable> {
        let bytes = std::mem::size_of::<Slot>() * CAPACITY;
        // SAFETY: an anonymous shared mapping with no address hint; the result is checked.
        let address = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                bytes,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if address == libc::MAP_FAILED {
            return None;
        }
        // SAFETY: the mapping is `bytes` long, page-aligned, zero-filled (a valid all-zero
        // `Slot`: atomics only) and never unmapped, so it lives for the rest of the process.
        let slots = unsafe { std::slice::from_raw_parts(address.cast::<Slot>(), CAPACITY) };
        Some(HealthTable { slots })
    }

    /// A table in process memory (tests of the claiming logic).
    #[cfg(test)]
    fn private() -> HealthTable {
        let slots: Vec<Slot> = (0..CAPACITY)
            .map(|_| Slot {
                key: AtomicU64::new(0),
                name_len: AtomicU8::new(0),
                name: std::array::from_fn(|_| AtomicU8::new(0)),
                health: HealthSlot::default(),
            })
            .collect();
        HealthTable {
            slots: Vec::leak(slots),
        }
    }

    /// The health record of server `name`, claiming a free slot for it if needed; `None` when
    /// the table is full.
    pub fn slot(&self, name: &str) -> Option<&'static HealthSlot> {
        let key = slot_key(name.as_bytes());
        let start = (key % CAPACITY as u64) as usize;
        for offset in 0..CAPACITY {
            let slot = &self.slots[(start + offset) % CAPACITY];
            let mut current = slot.key.load(Ordering::Acquire);
            if current == 0 {
                match slot
                    .key
                    .compare_exchange(0, CLAIMING, Ordering::AcqRel, Ordering::Acquire)
                {
                    Ok(_) => {
                        slot.write_name(name.as_bytes());
                        slot.key.store(key, Ordering::Release);
                        return Some(&slot.health);
                    }
                    Err(now) => current = now,
                }
            }
            if current == CLAIMING {
                current = slot.wait_claimed();
            }
            if current == key {
                return Some(&slot.health);
            }
        }
        None
    }

    /// Every claimed slot: `(name, health)`, for display.
    pub fn entries(&self) -> impl Iterator<Item = (String, &'static HealthSlot)> + '_ {
        self.slots.iter().filter_map(|slot| {
            let key = slot.key.load(Ordering::Acquire);
            (key != 0 && key != CLAIMING).then(|| (slot.read_name(), &slot.health))
        })
    }
}

impl Slot {
    fn write_name(&self, name: &[u8]) {
        let len = name.len().min(NAME_LEN);
        for (cell, &byte) in self.name.iter().zip(&name[..len]) {
            cell.store(byte, Ordering::Relaxed);
        }
        self.name_len.store(len as u8, Ordering::Release);
    }

    fn read_name(&self) -> String {
        let len = usize::from(self.name_len.load(Ordering::Acquire));
        let bytes: Vec<u8> = self.name[..len]
            .iter()
            .map(|cell| cell.load(Ordering::Relaxed))
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Waits (briefly) for another process to finish claiming this slot; a claimer that died
    /// between its two stores leaves the slot unusable, which only costs capacity.
    fn wait_claimed(&self) -> u64 {
        for _ in 0..10_000 {
            let key = self.key.load(Ordering::Acquire);
            if key != CLAIMING {
                return key;
            }
            std::hint::spin_loop();
        }
        CLAIMING
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_slot_per_server_shared_by_all_lookups() {
        let table = HealthTable::private();
        let a = table.slot("127.0.0.1:11211").unwrap();
        let b = table.slot("127.0.0.1:11212").unwrap();
        assert!(!std::ptr::eq(a, b));
        assert!(std::ptr::eq(a, table.slot("127.0.0.1:11211").unwrap()));
        a.record_failure(100, 111, true, 1);
        assert!(table.slot("127.0.0.1:11211").unwrap().is_failed());
        let names: Vec<String> = table.entries().map(|(name, _)| name).collect();
        assert_eq!(names.len(), 2);
        assert!(names.contains(&"127.0.0.1:11212".to_string()));
    }

    #[test]
    fn concurrent_claims_agree_and_a_full_table_says_so() {
        let table: &'static HealthTable = Box::leak(Box::new(HealthTable::private()));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(move || {
                    (0..CAPACITY)
                        .map(|i| table.slot(&format!("host{i}:1")).unwrap() as *const _ as usize)
                        .collect::<Vec<usize>>()
                })
            })
            .collect();
        let seen: Vec<Vec<usize>> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert!(seen.windows(2).all(|w| w[0] == w[1]));
        assert!(table.slot("one-too-many:1").is_none());
    }

    #[test]
    fn the_shared_mapping_is_seen_by_a_forked_child() {
        let table = HealthTable::map().expect("mmap");
        let slot = table.slot("127.0.0.1:1").unwrap();
        // SAFETY: the child only touches the mapping and exits without unwinding.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            slot.record_failure(100, 111, true, 1);
            // SAFETY: leaving the forked child at once.
            unsafe { libc::_exit(0) };
        }
        let mut status = 0;
        // SAFETY: waiting for our own child.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert!(slot.is_failed());
    }
}
