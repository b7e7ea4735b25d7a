//! The machine-wide server health table: fixed-size slots of [`HealthSlot`]s in a file of
//! shared memory (by default `/dev/shm/memcache-rs-health-<uid>`, `memcache.shared_health_file`)
//! that every process of the same user maps: the PHP-FPM workers of every pool and master, CLI
//! scripts, queue consumers and cron jobs all see one another's failures and probes.
//!
//! The file is the user's own and is trusted only after checks ([`HealthTable::open`]): it is
//! opened without following a symlink, must be a regular file owned by the effective uid,
//! writable by nobody else, of the exact size, with this layout's magic and version in its
//! header; anything else is a [`TableError`] and the caller keeps health per process. A new
//! file is created `0600` under a temporary name, sized and given its header, then linked into
//! place, so no process ever maps a half-made table (a concurrent creator that loses the race
//! opens the winner's). Slot contents are plain integers that any process of the user can
//! write: every reader takes them as they come (lengths are clamped, unknown states count as
//! up), so a damaged table gives wrong health decisions at worst, never undefined behaviour.
//!
//! Slots are keyed by a 64-bit hash of `host:port` (the host and port are kept to tell a hash
//! collision and for display), claimed with a compare-and-swap. A table that is full reuses the
//! slot of a server nobody has used for [`RECLAIM_AFTER`] seconds; with no such slot the new
//! server keeps its health per process. The file must not be truncated while processes map it
//! (remove it instead: processes that mapped it keep the old one until they exit).

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::{FileExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicU8, Ordering};
use std::sync::OnceLock;

use crate::pool::health::HealthSlot;

/// Number of slots.
pub const CAPACITY: usize = 1024;

/// Bytes of the host name kept (longer names are kept truncated; the hash tells them apart).
pub const HOST_LEN: usize = 120;

/// Seconds without use after which a full table gives a server's slot to another server.
pub const RECLAIM_AFTER: i64 = 24 * 60 * 60;

/// First bytes of the file.
const MAGIC: u64 = u64::from_le_bytes(*b"MCRSHLTH");

/// Version of the layout below: a file another version wrote is not used.
pub const LAYOUT_VERSION: u32 = 1;

/// Bytes before the first slot.
pub const HEADER_SIZE: usize = 64;

/// Key of a free slot.
const FREE: u64 = 0;

/// Key of a slot being claimed: its name is not written yet.
const CLAIMING: u64 = u64::MAX;

/// Spins one lookup may spend waiting for slots being claimed by other processes (a claim is
/// a few stores: a claim still going after this many spins is taken as abandoned).
const CLAIM_WAIT_SPINS: u32 = 10_000;

/// One slot: the key, the server and its health record.
#[repr(C)]
struct Slot {
    key: AtomicU64,
    port: AtomicU32,
    host_len: AtomicU32,
    host: [AtomicU8; HOST_LEN],
    health: HealthSlot,
}

const _: () = assert!(HEADER_SIZE.is_multiple_of(std::mem::align_of::<Slot>()));
const _: () = assert!(std::mem::align_of::<Slot>() == std::mem::align_of::<AtomicU64>());

/// The table's memory is seen as words of this many bytes (aligned as a slot).
const WORD: usize = std::mem::size_of::<AtomicU64>();

/// Size of a table file.
pub const FILE_SIZE: usize = HEADER_SIZE + CAPACITY * std::mem::size_of::<Slot>();

const _: () = assert!(FILE_SIZE.is_multiple_of(WORD));

/// Why a table file cannot be used.
#[derive(Debug)]
pub enum TableError {
    /// The path is a symbolic link.
    Symlink,
    /// It could not be opened, created or mapped.
    Io(&'static str, io::Error),
    /// Not a regular file.
    NotRegular,
    /// Owned by another user.
    Owner {
        /// The file's owner.
        found: u32,
        /// Our effective uid.
        ours: u32,
    },
    /// Group or others may write it.
    Mode(u32),
    /// Not a table file (magic).
    Magic,
    /// Written by another layout version.
    Version(u32),
    /// Header sizes that do not match this layout.
    Layout,
    /// Another size than the header and this layout say.
    Size {
        /// Its size.
        found: u64,
        /// The size of a table.
        expected: u64,
    },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::Symlink => write!(f, "it is a symbolic link"),
            TableError::Io(what, e) => write!(f, "cannot {what} it: {e}"),
            TableError::NotRegular => write!(f, "it is not a regular file"),
            TableError::Owner { found, ours } => {
                write!(f, "it is owned by uid {found}, not by uid {ours}")
            }
            TableError::Mode(mode) => {
                write!(f, "group or others may write it (mode {:o})", mode & 0o7777)
            }
            TableError::Magic => write!(f, "it is not a health table"),
            TableError::Version(v) => write!(
                f,
                "another version wrote it (layout {v}, this one reads {LAYOUT_VERSION})"
            ),
            TableError::Layout => write!(f, "its header does not match this layout"),
            TableError::Size { found, expected } => {
                write!(f, "its size is {found} bytes, not {expected}")
            }
        }
    }
}

/// A mapped table.
pub struct HealthTable {
    slots: &'static [Slot],
    path: PathBuf,
}

static TABLE: OnceLock<Result<HealthTable, TableError>> = OnceLock::new();

/// Maps the table file at `path` for this process, once: later calls return the first
/// result, whatever their path. `Err`: health stays per process.
pub fn install(path: &Path) -> Result<&'static HealthTable, &'static TableError> {
    TABLE.get_or_init(|| HealthTable::open(path)).as_ref()
}

/// The table, if this process has mapped one.
pub fn table() -> Option<&'static HealthTable> {
    TABLE.get().and_then(|t| t.as_ref().ok())
}

/// The default table file of the effective user: `/dev/shm/memcache-rs-health-<uid>`.
pub fn default_path() -> PathBuf {
    PathBuf::from(format!("/dev/shm/memcache-rs-health-{}", effective_uid()))
}

fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() }
}

/// FNV-1a of `host:port`, never [`FREE`] or [`CLAIMING`].
fn slot_key(host: &str, port: u16) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in host
        .as_bytes()
        .iter()
        .chain(b":")
        .chain(port.to_string().as_bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    match hash {
        FREE | CLAIMING => 1,
        h => h,
    }
}

/// The checks on the opened file's metadata, before its header is read.
fn check_file(is_file: bool, uid: u32, mode: u32, euid: u32) -> Result<(), TableError> {
    if !is_file {
        return Err(TableError::NotRegular);
    }
    if uid != euid {
        return Err(TableError::Owner {
            found: uid,
            ours: euid,
        });
    }
    if mode & 0o022 != 0 {
        return Err(TableError::Mode(mode));
    }
    Ok(())
}

/// The header of this layout, as the creator writes it (the first bytes of every table).
pub fn header_bytes() -> [u8; HEADER_SIZE] {
    let mut bytes = [0u8; HEADER_SIZE];
    let fields: [&[u8]; 6] = [
        &MAGIC.to_ne_bytes(),
        &LAYOUT_VERSION.to_ne_bytes(),
        &(HEADER_SIZE as u32).to_ne_bytes(),
        &(std::mem::size_of::<Slot>() as u32).to_ne_bytes(),
        &(CAPACITY as u32).to_ne_bytes(),
        &(FILE_SIZE as u64).to_ne_bytes(),
    ];
    let mut at = 0;
    for field in fields {
        bytes[at..at + field.len()].copy_from_slice(field);
        at += field.len();
    }
    bytes
}

/// Checks a header read from a file against this layout.
fn check_header(bytes: &[u8; HEADER_SIZE]) -> Result<(), TableError> {
    let u32_at = |at: usize| u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap_or([0; 4]));
    let u64_at = |at: usize| u64::from_ne_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
    if u64_at(0) != MAGIC {
        return Err(TableError::Magic);
    }
    if u32_at(8) != LAYOUT_VERSION {
        return Err(TableError::Version(u32_at(8)));
    }
    if bytes != &header_bytes() {
        return Err(TableError::Layout);
    }
    Ok(())
}

/// Checks the content of a table file against this layout, before anything in it is used:
/// `start` is its first bytes (as many as it has, up to the header's size) and `len` its
/// length. The header is judged first (a file that is no table at all says so, whatever its
/// size), then the size. The slots after the header need no check: every bit pattern in them
/// is a value their readers take as it comes.
pub fn check_content(start: &[u8], len: u64) -> Result<(), TableError> {
    let size = || TableError::Size {
        found: len,
        expected: FILE_SIZE as u64,
    };
    let header = start
        .get(..HEADER_SIZE)
        .and_then(|h| <&[u8; HEADER_SIZE]>::try_from(h).ok())
        .ok_or_else(size)?;
    check_header(header)?;
    if len != FILE_SIZE as u64 {
        return Err(size());
    }
    Ok(())
}

fn open_existing(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
}

/// Creates the file under a temporary name beside `path`, sizes it, writes the header and
/// links it into place. A creator that finds `path` taken meanwhile opens that one.
fn create(path: &Path) -> Result<File, TableError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let temporary = path.with_file_name(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(&temporary)
        .map_err(|e| TableError::Io("create", e))?;
    let made = file
        .set_permissions(std::fs::Permissions::from_mode(0o600))
        .and_then(|()| file.set_len(FILE_SIZE as u64))
        .and_then(|()| file.write_all_at(&header_bytes(), 0))
        .and_then(|()| std::fs::hard_link(&temporary, path));
    let _ = std::fs::remove_file(&temporary);
    match made {
        Ok(()) => Ok(file),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            open_existing(path).map_err(open_error)
        }
        Err(e) => Err(TableError::Io("create", e)),
    }
}

/// An error of opening an existing file (a symlink fails with `ELOOP` under `O_NOFOLLOW`).
fn open_error(e: io::Error) -> TableError {
    match e.raw_os_error() {
        Some(libc::ELOOP) => TableError::Symlink,
        _ => TableError::Io("open", e),
    }
}

impl HealthTable {
    /// Opens (or creates) and checks the table file at `path`, and maps it.
    pub fn open(path: &Path) -> Result<HealthTable, TableError> {
        let file = match open_existing(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => create(path)?,
            Err(e) => return Err(open_error(e)),
        };
        let meta = file.metadata().map_err(|e| TableError::Io("stat", e))?;
        check_file(
            meta.file_type().is_file(),
            meta.uid(),
            meta.mode(),
            effective_uid(),
        )?;
        let mut header = [0u8; HEADER_SIZE];
        let start = &mut header[..meta.len().min(HEADER_SIZE as u64) as usize];
        file.read_exact_at(start, 0)
            .map_err(|e| TableError::Io("read", e))?;
        check_content(start, meta.len())?;
        // SAFETY: a shared mapping of the whole file, no address hint; the result is checked.
        let address = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                FILE_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                std::os::fd::AsRawFd::as_raw_fd(&file),
                0,
            )
        };
        if address == libc::MAP_FAILED {
            return Err(TableError::Io("map", io::Error::last_os_error()));
        }
        // SAFETY: the mapping is FILE_SIZE bytes (a multiple of 8), page-aligned, and never
        // unmapped; every bit pattern is a value of an atomic integer.
        let words =
            unsafe { std::slice::from_raw_parts(address.cast::<AtomicU64>(), FILE_SIZE / WORD) };
        Ok(HealthTable::over_checked(words, path.to_path_buf()))
    }

    /// The table in `memory`, laid out as a table file (for tests and fuzzing: the table in a
    /// buffer instead of a mapped file), once its content passes [`check_content`], as a file's
    /// must.
    pub fn in_memory(memory: &'static [AtomicU64]) -> Result<HealthTable, TableError> {
        let mut header = [0u8; HEADER_SIZE];
        for (bytes, word) in header.chunks_exact_mut(WORD).zip(memory) {
            bytes.copy_from_slice(&word.load(Ordering::Acquire).to_ne_bytes());
        }
        let len = memory.len() * WORD;
        check_content(&header[..len.min(HEADER_SIZE)], len as u64)?;
        Ok(HealthTable::over_checked(memory, PathBuf::new()))
    }

    /// The table in `memory`, whose content [`check_content`] accepted.
    fn over_checked(memory: &'static [AtomicU64], path: PathBuf) -> HealthTable {
        debug_assert_eq!(memory.len() * WORD, FILE_SIZE);
        // SAFETY: `memory` is FILE_SIZE bytes aligned for an u64; the slots start HEADER_SIZE
        // bytes in (a multiple of their alignment, which is an u64's) and are atomics only, for
        // which every bit pattern is a value.
        let slots = unsafe {
            std::slice::from_raw_parts(
                memory.as_ptr().cast::<u8>().add(HEADER_SIZE).cast::<Slot>(),
                CAPACITY,
            )
        };
        HealthTable { slots, path }
    }

    /// The file this table maps.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The health record of server `host:port`, claiming a slot for it if needed (at `now`,
    /// unix seconds); `None` when the table is full of servers in use.
    pub fn slot(&self, host: &str, port: u16, now: i64) -> Option<&'static HealthSlot> {
        let key = slot_key(host, port);
        let start = (key % CAPACITY as u64) as usize;
        let mut patience = CLAIM_WAIT_SPINS;
        for _ in 0..2 {
            let mut stale: Option<&'static Slot> = None;
            for offset in 0..CAPACITY {
                let slot = &self.slots[(start + offset) % CAPACITY];
                let mut current = slot.key.load(Ordering::Acquire);
                if current == FREE {
                    if slot.claim(FREE, key, host, port, now) {
                        return Some(&slot.health);
                    }
                    current = slot.key.load(Ordering::Acquire);
                }
                if current == CLAIMING {
                    current = slot.wait_claimed(&mut patience);
                }
                if current == key && slot.holds(host, port) {
                    return Some(&slot.health);
                }
                if stale.is_none() && current != CLAIMING && slot.is_stale(now) {
                    stale = Some(slot);
                }
            }
            // Full: the first stale slot in the key's order (every process racing for the same
            // server picks the same one; the loser looks again and finds the winner's).
            let slot = stale?;
            let old = slot.key.load(Ordering::Acquire);
            if old != FREE
                && old != CLAIMING
                && slot.is_stale(now)
                && slot.claim(old, key, host, port, now)
            {
                return Some(&slot.health);
            }
        }
        None
    }

    /// Every claimed slot: `(host, port, health)`, for display.
    pub fn entries(&self) -> impl Iterator<Item = (String, u16, &'static HealthSlot)> + '_ {
        self.slots.iter().filter_map(|slot| {
            let key = slot.key.load(Ordering::Acquire);
            (key != FREE && key != CLAIMING).then(|| {
                let (host, port) = slot.server();
                (host, port, &slot.health)
            })
        })
    }
}

impl Slot {
    /// Takes the slot from key `old` for server `host:port`, with a fresh record.
    fn claim(&'static self, old: u64, key: u64, host: &str, port: u16, now: i64) -> bool {
        if self
            .key
            .compare_exchange(old, CLAIMING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return false;
        }
        if old != FREE {
            self.health.reset();
        }
        let host = host.as_bytes();
        let len = host.len().min(HOST_LEN);
        for (cell, &byte) in self.host.iter().zip(&host[..len]) {
            cell.store(byte, Ordering::Relaxed);
        }
        self.host_len.store(len as u32, Ordering::Relaxed);
        self.port.store(u32::from(port), Ordering::Relaxed);
        self.health.touch(now);
        self.key.store(key, Ordering::Release);
        true
    }

    /// The host (up to [`HOST_LEN`] bytes) and port the slot holds.
    fn server(&self) -> (String, u16) {
        let len = (self.host_len.load(Ordering::Acquire) as usize).min(HOST_LEN);
        let bytes: Vec<u8> = self.host[..len]
            .iter()
            .map(|cell| cell.load(Ordering::Relaxed))
            .collect();
        let port = u16::try_from(self.port.load(Ordering::Relaxed)).unwrap_or(0);
        (String::from_utf8_lossy(&bytes).into_owned(), port)
    }

    /// True if the slot holds `host:port` (a key collision does not).
    fn holds(&self, host: &str, port: u16) -> bool {
        let bytes = host.as_bytes();
        let len = bytes.len().min(HOST_LEN);
        self.port.load(Ordering::Relaxed) == u32::from(port)
            && self.host_len.load(Ordering::Acquire) as usize == len
            && self
                .host
                .iter()
                .zip(&bytes[..len])
                .all(|(cell, &byte)| cell.load(Ordering::Relaxed) == byte)
    }

    /// True if nobody has used the server for [`RECLAIM_AFTER`] seconds and it is up with no
    /// probe running: its slot may go to another server.
    fn is_stale(&self, now: i64) -> bool {
        let snapshot = self.health.snapshot(now.saturating_mul(1000));
        !snapshot.failed
            && !snapshot.probing
            && self.health.last_used() < now.saturating_sub(RECLAIM_AFTER)
    }

    /// Waits (briefly) for another process to finish claiming this slot, spending the
    /// lookup's `patience` (spins, shared by every slot the lookup passes); a claimer that died
    /// between its two stores leaves the slot unusable, which only costs capacity, and a
    /// damaged table full of such slots costs one wait, not one per slot.
    fn wait_claimed(&self, patience: &mut u32) -> u64 {
        loop {
            let key = self.key.load(Ordering::Acquire);
            if key != CLAIMING || *patience == 0 {
                return key;
            }
            *patience -= 1;
            std::hint::spin_loop();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// A fresh path in a directory of its own (removed with its files by [`Scratch::drop`]).
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(tag: &str) -> Scratch {
            static COUNT: AtomicU32 = AtomicU32::new(0);
            let dir = std::env::temp_dir().join(format!(
                "memcache-rs-table-{}-{tag}-{}",
                std::process::id(),
                COUNT.fetch_add(1, Ordering::Relaxed)
            ));
            std::fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }

        fn path(&self) -> PathBuf {
            self.0.join("health")
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn open(path: &Path) -> HealthTable {
        HealthTable::open(path).unwrap_or_else(|e| panic!("open {}: {e}", path.display()))
    }

    #[test]
    fn a_new_file_is_private_sized_and_shared_by_every_mapping() {
        let scratch = Scratch::new("new");
        let path = scratch.path();
        let first = open(&path);
        let meta = std::fs::symlink_metadata(&path).unwrap();
        assert_eq!(meta.mode() & 0o777, 0o600);
        assert_eq!(meta.len(), FILE_SIZE as u64);
        // Two independent mappings of the file (as two process trees have) see one record.
        let second = open(&path);
        let a = first.slot("127.0.0.1", 11211, 1000).unwrap();
        let b = second.slot("127.0.0.1", 11211, 1000).unwrap();
        assert!(!std::ptr::eq(a, b));
        a.record_failure(1000, 111, true, 1, true);
        assert!(b.is_failed());
        assert!(!second.slot("127.0.0.1", 11212, 1000).unwrap().is_failed());
        let mut names: Vec<(String, u16)> = second.entries().map(|(h, p, _)| (h, p)).collect();
        names.sort();
        assert_eq!(
            names,
            [("127.0.0.1".into(), 11211), ("127.0.0.1".into(), 11212)]
        );
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(&scratch.0).unwrap().count(), 1);
    }

    #[test]
    fn concurrent_creators_agree_on_one_file() {
        let scratch = Scratch::new("race");
        let path = scratch.path();
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let path = path.clone();
                std::thread::spawn(move || {
                    HealthTable::open(&path).map(|t| t.slots.as_ptr() as usize)
                })
            })
            .collect();
        for thread in threads {
            assert!(thread.join().unwrap().is_ok());
        }
        let table = open(&path);
        table
            .slot("a", 1, 5)
            .unwrap()
            .record_failure(5, 0, true, 1, true);
        assert!(open(&path).slot("a", 1, 5).unwrap().is_failed());
    }

    #[test]
    fn the_metadata_checks() {
        assert!(check_file(true, 33, 0o100600, 33).is_ok());
        assert!(check_file(true, 33, 0o100644, 33).is_ok());
        assert!(matches!(
            check_file(false, 33, 0o600, 33),
            Err(TableError::NotRegular)
        ));
        assert!(matches!(
            check_file(true, 65534, 0o100600, 33),
            Err(TableError::Owner {
                found: 65534,
                ours: 33
            })
        ));
        assert!(matches!(
            check_file(true, 33, 0o100620, 33),
            Err(TableError::Mode(_))
        ));
        assert!(matches!(
            check_file(true, 33, 0o100602, 33),
            Err(TableError::Mode(_))
        ));
    }

    #[test]
    fn files_that_are_not_a_table_of_this_layout_are_refused() {
        let scratch = Scratch::new("bad");
        let path = scratch.path();
        let refuse = |bytes: &[u8], what: &str| {
            let _ = std::fs::remove_file(&path);
            std::fs::write(&path, bytes).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
            let result = HealthTable::open(&path);
            assert!(result.is_err(), "{what}: accepted");
            result.err().unwrap()
        };
        let mut good = vec![0u8; FILE_SIZE];
        good[..HEADER_SIZE].copy_from_slice(&header_bytes());
        assert!(matches!(
            refuse(&good[..10], "short"),
            TableError::Size { found: 10, .. }
        ));
        assert!(matches!(
            refuse(&good[..FILE_SIZE - 8], "shorter"),
            TableError::Size { .. }
        ));
        let mut longer = good.clone();
        longer.extend_from_slice(&[0; 4096]);
        assert!(matches!(refuse(&longer, "longer"), TableError::Size { .. }));
        let mut magic = good.clone();
        magic[0] ^= 1;
        assert!(matches!(refuse(&magic, "magic"), TableError::Magic));
        let mut version = good.clone();
        version[8..12].copy_from_slice(&(LAYOUT_VERSION + 1).to_ne_bytes());
        assert!(
            matches!(refuse(&version, "version"), TableError::Version(v) if v == LAYOUT_VERSION + 1)
        );
        let mut layout = good.clone();
        layout[16..20].copy_from_slice(&7u32.to_ne_bytes());
        assert!(matches!(refuse(&layout, "capacity"), TableError::Layout));
        // The same bytes as a good table, but group-writable, then a symlink to a good one.
        let _ = std::fs::remove_file(&path);
        std::fs::write(&path, &good).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o660)).unwrap();
        assert!(matches!(HealthTable::open(&path), Err(TableError::Mode(_))));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(HealthTable::open(&path).is_ok());
        let link = scratch.0.join("link");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(matches!(HealthTable::open(&link), Err(TableError::Symlink)));
        let dir = scratch.0.join("dir");
        std::fs::create_dir(&dir).unwrap();
        assert!(HealthTable::open(&dir).is_err());
        // A directory that does not exist: cannot create.
        assert!(matches!(
            HealthTable::open(&scratch.0.join("missing/health")),
            Err(TableError::Io("create", _))
        ));
    }

    #[test]
    fn a_file_of_another_user_is_refused() {
        // Giving a file away takes root (CI and this project's machines run as root); the
        // owner check itself is covered for any user by `the_metadata_checks`.
        if effective_uid() != 0 {
            eprintln!("not root: chown to nobody is not possible here");
            return;
        }
        let scratch = Scratch::new("owner");
        let path = scratch.path();
        drop(open(&path));
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        assert!(matches!(
            HealthTable::open(&path),
            Err(TableError::Owner {
                found: 65534,
                ours: 0
            })
        ));
    }

    #[test]
    fn damaged_slots_are_read_without_harm() {
        let scratch = Scratch::new("damaged");
        let table = open(&scratch.path());
        let slot = &table.slots[3];
        slot.key.store(42, Ordering::Release);
        slot.host_len.store(u32::MAX, Ordering::Release);
        slot.port.store(u32::MAX, Ordering::Release);
        for cell in &slot.host {
            cell.store(0xff, Ordering::Relaxed);
        }
        let (host, port, _) = table.entries().next().unwrap();
        assert_eq!(host.chars().count(), HOST_LEN);
        assert_eq!(port, 0);
        // Lookups of other servers pass over it.
        assert!(table.slot("127.0.0.1", 1, 10).is_some());
    }

    /// A table in memory (leaked, as a mapping is never given back) with this layout's header.
    fn table_in_memory() -> HealthTable {
        let memory: &'static [AtomicU64] =
            Box::leak((0..FILE_SIZE / WORD).map(|_| AtomicU64::new(0)).collect());
        for (word, bytes) in memory.iter().zip(header_bytes().chunks_exact(WORD)) {
            word.store(
                u64::from_ne_bytes(bytes.try_into().unwrap()),
                Ordering::Relaxed,
            );
        }
        HealthTable::in_memory(memory).unwrap()
    }

    #[test]
    fn a_table_in_memory_is_checked_as_a_file_is() {
        let memory: &'static [AtomicU64] =
            Box::leak((0..FILE_SIZE / WORD).map(|_| AtomicU64::new(0)).collect());
        assert!(matches!(
            HealthTable::in_memory(memory),
            Err(TableError::Magic)
        ));
        assert!(matches!(
            HealthTable::in_memory(&memory[..3]),
            Err(TableError::Size { found: 24, .. })
        ));
        let table = table_in_memory();
        let slot = table.slot("127.0.0.1", 1, 5).unwrap();
        assert!(std::ptr::eq(slot, table.slot("127.0.0.1", 1, 5).unwrap()));
    }

    /// Found by fuzzing (`health_table`): every slot's key damaged to "being claimed" made one
    /// lookup wait for each slot in turn, twice over the table (20 million spins, seconds).
    /// A lookup waits once, then takes claiming slots as taken.
    #[test]
    fn a_table_of_slots_all_being_claimed_is_passed_over_at_once() {
        let table = table_in_memory();
        for slot in table.slots {
            slot.key.store(CLAIMING, Ordering::Release);
        }
        let started = std::time::Instant::now();
        assert!(table.slot("127.0.0.1", 1, 5).is_none());
        assert!(table.slot("127.0.0.1", 2, 5).is_none());
        // A bound on how long a lookup gives a damaged table (one wait of 10,000 spins, well
        // under a millisecond; a wait per slot took 0.25 s per lookup in a release build).
        let waited = started.elapsed();
        assert!(waited < Duration::from_millis(100), "{waited:?}");
        assert_eq!(table.entries().count(), 0);
    }

    #[test]
    fn a_full_table_reuses_the_slot_of_a_server_unused_for_a_day() {
        let scratch = Scratch::new("full");
        let table = open(&scratch.path());
        let day = RECLAIM_AFTER;
        for i in 0..CAPACITY {
            let slot = table.slot(&format!("host{i}"), 1, 1000).unwrap();
            if i == 7 {
                slot.record_failure(1000, 111, true, 1, true);
            }
        }
        // Full of servers used recently: no room.
        assert!(table.slot("new", 1, 1000 + day).is_none());
        // A day later every server is stale but the failed one: the new server gets a slot,
        // fresh, and keeps it.
        let reused = table.slot("new", 1, 1001 + day).unwrap();
        assert!(!reused.is_failed());
        assert!(std::ptr::eq(
            reused,
            table.slot("new", 1, 1002 + day).unwrap()
        ));
        assert!(table.slot("host7", 1, 1002 + day).unwrap().is_failed());
        assert_eq!(table.entries().count(), CAPACITY);
    }

    #[test]
    fn concurrent_claims_agree() {
        let scratch = Scratch::new("claims");
        let table: &'static HealthTable = Box::leak(Box::new(open(&scratch.path())));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(move || {
                    (0..200)
                        .map(|i| {
                            table.slot(&format!("host{i}"), 1, 5).unwrap() as *const _ as usize
                        })
                        .collect::<Vec<usize>>()
                })
            })
            .collect();
        let seen: Vec<Vec<usize>> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert!(seen.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn the_shared_mapping_is_seen_by_a_forked_child() {
        let scratch = Scratch::new("fork");
        let table = open(&scratch.path());
        let slot = table.slot("127.0.0.1", 1, 5).unwrap();
        // SAFETY: the child only touches the mapping and exits without unwinding.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            slot.record_failure(100, 111, true, 1, true);
            // SAFETY: leaving the forked child at once.
            unsafe { libc::_exit(0) };
        }
        let mut status = 0;
        // SAFETY: waiting for our own child.
        unsafe { libc::waitpid(pid, &mut status, 0) };
        assert!(slot.is_failed());
    }
}
