//! The stampede guard behind `remember()`: when a value is missing, exactly one caller in the
//! whole fleet recomputes it while the others wait for it, and when it is stale (meta's
//! `invalidate()`), one caller recomputes it while the others are served the stale value.
//!
//! Why it lives here and not in the PHP layer: the guard is a conversation with memcached
//! (claims, waits, conditional stores) that must stay byte-identical for every client of a
//! fleet; the PHP layer only runs the caller's `$compute` between [`lookup`] and
//! [`Claim::store`] / [`Claim::release`], with no pool borrow held.
//!
//! Two ways of claiming, chosen by whether the protocol has leases
//! ([`ProtocolKind::has_leases`](crate::protocol::ProtocolKind::has_leases)):
//! - **Leases (meta).** One `mg` with `N<ttl>`: on a miss memcached creates an empty
//!   placeholder living [`claim_ttl`] seconds and tells this caller it won ([`Lease::Won`]); every
//!   other caller sees the placeholder ([`Lease::Pending`]) and polls until the value lands.
//!   The winner stores with a compare of the placeholder's cas, so it never overwrites a
//!   value someone else stored meanwhile; if the placeholder expired first (a recompute
//!   longer than its TTL), it adds instead. A stale item is served at once to everyone but the
//!   one winner ([`Lease::WonStale`]). Giving a claim back deletes the placeholder, or marks
//!   the stale item stale again, only if its cas is still the one claimed.
//! - **Lock key (text, binary).** `add <key>.remember` with a TTL of [`claim_ttl`], pipelined with a
//!   get of the key on the key's server: the caller whose add succeeds and whose get still
//!   misses recomputes (so a value that landed between its first miss and its add is used),
//!   stores with a plain set and deletes the lock in the same write. The others poll the
//!   same pair.
//!
//! Either way the claim outlives the wait of every caller that waits for it (memcached's clock
//! counts whole seconds, so the TTL is a second longer than the wait): a recompute shorter than
//! the wait is never done twice. A caller that still finds the claim held when its wait ends
//! recomputes and stores nothing. A recompute that takes longer than the claim's TTL loses it,
//! and the next caller takes it over and recomputes too (under leases the first value stored
//! stays, the late one's compare fails; under the lock key the last set wins), so a crashed
//! worker blocks the key for at most that long. A caller that reaches no server recomputes at
//! once and stores nothing.

use std::rc::Rc;
use std::time::{Duration, Instant};

use crate::key::MAX_KEY_LEN;
use crate::pool::server_pool::MAX_RELATIVE_EXPIRY;
use crate::pool::{
    Command, Hits, Lease, Outcome, Policy, Pool, Request, ServerHandle, Store, StoreOp,
};

/// Suffix of the lock key the text and binary protocols claim a recompute with.
pub const LOCK_SUFFIX: &[u8] = b".remember";

/// First pause between two looks at a value someone else recomputes, doubled after each look
/// up to [`MAX_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_millis(5);
/// Longest pause between two looks.
const MAX_PAUSE: Duration = Duration::from_millis(100);

/// The TTL of a claim (placeholder, lock key, or a stale item's remaining life) for callers
/// that wait `wait` seconds for it: a second more, because memcached's clock counts whole
/// seconds (an item given N seconds lives between N-1 and N), and a claim that expired while
/// callers still waited would let one of them recompute too.
pub fn claim_ttl(wait: u32) -> u32 {
    wait.saturating_add(1).min(MAX_RELATIVE_EXPIRY)
}

/// What `remember()` does after [`lookup`].
#[derive(Debug)]
pub enum Lookup {
    /// Return this stored value: fresh, or stale while another caller recomputes it.
    Found {
        /// Flags stored with it.
        flags: u32,
        /// The stored bytes.
        data: Vec<u8>,
    },
    /// Recompute the value; the claim says where the result goes.
    Compute(Claim),
}

/// The right to recompute a value, held while the caller's code runs; it must end with
/// [`Claim::store`] or [`Claim::release`].
#[derive(Debug)]
#[must_use = "a claim ends with store() or release()"]
pub struct Claim {
    key: Vec<u8>,
    kind: ClaimKind,
}

#[derive(Debug)]
enum ClaimKind {
    /// No server reachable, or the wait ran out: the result is returned, not stored.
    Unguarded,
    /// A lease (meta) on `server`: the placeholder's or stale item's cas unique.
    Lease { server: Held, cas: u64, stale: bool },
    /// The lock key (text, binary), taken on `server`.
    Lock { server: Held, lock: Vec<u8> },
}

/// The server a claim was taken on: its pool index, and the server itself, because the
/// caller's code runs between the claim and its end and may change the pool (`close()`,
/// `addServer()`). A claim whose server is no longer at its index is left to expire.
#[derive(Debug)]
struct Held {
    index: usize,
    server: ServerHandle,
}

impl Held {
    fn new(pool: &Pool, index: usize) -> Self {
        Held {
            index,
            server: Rc::clone(pool.server(index)),
        }
    }

    /// The index, if the server is still there.
    fn index_in(&self, pool: &Pool) -> Option<usize> {
        (self.index < pool.len() && Rc::ptr_eq(pool.server(self.index), &self.server))
            .then_some(self.index)
    }
}

impl Claim {
    /// A claim that guards nothing: the caller computes, and nothing is stored.
    pub fn unguarded(key: &[u8]) -> Self {
        Claim {
            key: key.to_vec(),
            kind: ClaimKind::Unguarded,
        }
    }

    /// Stores the recomputed value (`flags` and `data` as `set` encodes them) for `exptime`,
    /// and ends the claim.
    pub fn store(self, pool: &mut Pool, flags: u32, data: &[u8], exptime: u32, policy: &Policy) {
        let store = |op, cas| {
            Command::Store(Store {
                op,
                flags,
                exptime,
                cas,
                data,
            })
        };
        match self.kind {
            ClaimKind::Unguarded => {}
            ClaimKind::Lease { server, cas, .. } => {
                let Some(server) = server.index_in(pool) else {
                    return;
                };
                let mut requests = [Request::for_key_at(
                    &self.key,
                    store(StoreOp::Cas, cas),
                    server,
                )];
                pool.execute(&mut requests, policy);
                // Not found: the placeholder expired before the value was ready. Add it, so
                // that a value stored meanwhile is still not overwritten.
                if requests[0].outcome == Outcome::Rejected {
                    let mut requests = [Request::for_key_at(
                        &self.key,
                        store(StoreOp::Add, 0),
                        server,
                    )];
                    pool.execute(&mut requests, policy);
                }
            }
            ClaimKind::Lock { server, lock } => {
                let Some(server) = server.index_in(pool) else {
                    return;
                };
                // One write: the value, then the lock's release, so that whoever takes the
                // lock next finds the value.
                let mut requests = [
                    Request::for_key(&self.key, store(StoreOp::Set, 0)),
                    Request::for_key_at(&lock, Command::Delete, server),
                ];
                pool.execute(&mut requests, policy);
            }
        }
    }

    /// Gives the claim back without a value (the computation threw or returned `false`): the
    /// next caller claims the recompute.
    pub fn release(self, pool: &mut Pool, policy: &Policy) {
        let (key, server, command) = match &self.kind {
            ClaimKind::Unguarded => return,
            // The placeholder is deleted, a stale item marked stale again: either only if it
            // is still the one claimed.
            ClaimKind::Lease { server, cas, stale } => {
                let command = Command::Invalidate {
                    mark_stale: *stale,
                    ttl: 0,
                    cas: *cas,
                };
                (&self.key, server, command)
            }
            ClaimKind::Lock { server, lock } => (lock, server, Command::Delete),
        };
        let Some(server) = server.index_in(pool) else {
            return;
        };
        let mut requests = [Request::for_key_at(key, command, server)];
        pool.execute(&mut requests, policy);
    }
}

/// Looks `key` (prepared) up for `remember()`, waiting at most `wait` seconds for another
/// caller's recompute (see the module docs).
pub fn lookup(pool: &mut Pool, key: &[u8], wait: u32, policy: &Policy) -> Lookup {
    if pool.protocol.has_leases() {
        lookup_lease(pool, key, wait, policy)
    } else {
        lookup_lock(pool, key, wait, policy)
    }
}

/// The value of the first hit.
fn found(hits: &Hits) -> Option<Lookup> {
    let hit = hits.hits.first()?;
    Some(Lookup::Found {
        flags: hit.flags,
        data: hits.value(hit).to_vec(),
    })
}

fn lookup_lease(pool: &mut Pool, key: &[u8], wait: u32, policy: &Policy) -> Lookup {
    let mut pause = Pause::new(wait);
    loop {
        let mut requests = [Request::for_key(
            key,
            Command::Lease {
                ttl: claim_ttl(wait),
            },
        )];
        let hits = pool.execute(&mut requests, policy);
        let [request] = requests;
        let lease = match request.outcome {
            Outcome::Lease(lease) => lease,
            // Failed, or an error reply (no room for a placeholder): no cache to guard with.
            _ => return Lookup::Compute(Claim::unguarded(key)),
        };
        let (Some(server), Some(hit)) = (request.server, hits.hits.first()) else {
            return Lookup::Compute(Claim::unguarded(key));
        };
        let claim = |stale| Claim {
            key: key.to_vec(),
            kind: ClaimKind::Lease {
                server: Held::new(pool, server),
                cas: hit.cas,
                stale,
            },
        };
        match lease {
            Lease::Fresh | Lease::Stale => {
                if let Some(found) = found(&hits) {
                    return found;
                }
            }
            Lease::Won => return Lookup::Compute(claim(false)),
            Lease::WonStale => return Lookup::Compute(claim(true)),
            Lease::Pending => {}
        }
        if !pause.sleep() {
            return Lookup::Compute(Claim::unguarded(key));
        }
    }
}

fn lookup_lock(pool: &mut Pool, key: &[u8], wait: u32, policy: &Policy) -> Lookup {
    let mut requests = [Request::for_key(key, Command::Get { with_cas: false })];
    let hits = pool.execute(&mut requests, policy);
    if let Some(found) = found(&hits) {
        return found;
    }
    let [request] = requests;
    let (Outcome::Done, Some(server)) = (request.outcome, request.server) else {
        return Lookup::Compute(Claim::unguarded(key));
    };
    let lock = lock_key(key);
    let mut pause = Pause::new(wait);
    loop {
        let take_lock = Command::Store(Store {
            op: StoreOp::Add,
            flags: 0,
            exptime: claim_ttl(wait),
            cas: 0,
            data: b"1",
        });
        let mut requests = [
            Request::for_key_at(&lock, take_lock, server),
            Request::for_key_at(key, Command::Get { with_cas: false }, server),
        ];
        let hits = pool.execute(&mut requests, policy);
        if requests.iter().any(|r| r.outcome == Outcome::Failed) {
            return Lookup::Compute(Claim::unguarded(key));
        }
        let locked = requests[0].outcome == Outcome::Done;
        let claim = Claim {
            key: key.to_vec(),
            kind: ClaimKind::Lock {
                server: Held::new(pool, server),
                lock: lock.clone(),
            },
        };
        if let Some(found) = found(&hits) {
            // The value landed between the first miss and the lock.
            if locked {
                claim.release(pool, policy);
            }
            return found;
        }
        if locked {
            return Lookup::Compute(claim);
        }
        if !pause.sleep() {
            return Lookup::Compute(Claim::unguarded(key));
        }
    }
}

/// `<key>.remember`, the key cut so that the lock key fits memcached's key length (keys that
/// share their first 241 bytes share a lock, which only serialises their recomputes).
fn lock_key(key: &[u8]) -> Vec<u8> {
    let kept = key.len().min(MAX_KEY_LEN - LOCK_SUFFIX.len());
    [&key[..kept], LOCK_SUFFIX].concat()
}

/// The pauses between looks at a value being recomputed elsewhere, until a deadline.
struct Pause {
    deadline: Instant,
    next: Duration,
}

impl Pause {
    fn new(wait_seconds: u32) -> Self {
        Pause {
            deadline: Instant::now() + Duration::from_secs(u64::from(wait_seconds)),
            next: FIRST_PAUSE,
        }
    }

    /// Sleeps before the next look (never past the deadline); false once the deadline has
    /// passed: the look just made was the last.
    fn sleep(&mut self) -> bool {
        let now = Instant::now();
        if now >= self.deadline {
            return false;
        }
        std::thread::sleep(self.next.min(self.deadline - now));
        self.next = (self.next * 2).min(MAX_PAUSE);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_keys_fit_memcached() {
        assert_eq!(lock_key(b"user:1"), b"user:1.remember");
        let long = vec![b'k'; MAX_KEY_LEN];
        let lock = lock_key(&long);
        assert_eq!(lock.len(), MAX_KEY_LEN);
        assert!(lock.ends_with(LOCK_SUFFIX));
    }

    #[test]
    fn claims_outlive_the_wait_and_stay_relative_expiries() {
        assert_eq!(claim_ttl(3), 4);
        assert_eq!(claim_ttl(MAX_RELATIVE_EXPIRY), MAX_RELATIVE_EXPIRY);
    }

    #[test]
    fn pauses_grow_and_stop_at_the_deadline() {
        let mut pause = Pause::new(0);
        assert!(!pause.sleep());
        let mut pause = Pause::new(1);
        let started = Instant::now();
        let mut looks = 0;
        while pause.sleep() {
            looks += 1;
        }
        let waited = started.elapsed();
        assert!(waited >= Duration::from_secs(1), "{waited:?}");
        assert!(looks > 1);
        assert_eq!(pause.next, MAX_PAUSE);
    }
}
