//! Redundancy: one write kept on several servers, and which servers they are.
//!
//! Under `memcache.redundancy` a write, a delete or a counter goes to its key's server and to
//! the next distinct servers of the key's `key-n` sequence ([`WriteBatch`]); a copy whose server
//! is failed is dropped, as in the C extension, and a copy fails over like any keyed request.
//! A session (`memcache.session_redundancy`) keeps its data and lock on the first servers of the
//! sequence that take requests, each addressed directly, without failover
//! ([`Pool::on_session_copies`]). Callers say what one copy is; the pool decides where copies go.

use std::mem::ManuallyDrop;

use smallvec::SmallVec;

use crate::pool::clock::unix_now;
use crate::pool::{Command, Outcome, Policy, Pool, Request};

/// A batch of keyed writes (stores, deletes, counters): each entry's request for its key's
/// server and its `memcache.redundancy` copies, and which entry each request answers.
#[derive(Debug, Default)]
pub struct WriteBatch<'a> {
    /// The requests, each entry's copies next to each other: what [`Pool::execute`] runs
    /// (inline for a single-key call without copies). Dropped by the batch's own drop, which
    /// skips those that own nothing.
    pub requests: ManuallyDrop<SmallVec<[Request<'a>; 1]>>,
    /// The entry (in the order of [`WriteBatch::push`]) of each request; empty while every
    /// entry has one request (no copies: request `i` is entry `i`), which spares the
    /// allocation when `memcache.redundancy` is 1. Dropped with the requests.
    entries: ManuallyDrop<Vec<usize>>,
    /// Entries pushed so far.
    len: usize,
}

impl<'a> WriteBatch<'a> {
    /// Makes room for `entries` more entries without copies. A batch is built empty
    /// (`default`) and then grown where it stays, never returned by value: it is large, and
    /// moving it costs a copy.
    #[inline]
    pub fn reserve(&mut self, entries: usize) {
        self.requests.reserve(entries);
    }

    /// Adds an entry: `command` for `key`, sent to the key's server and, with
    /// `policy.redundancy` > 1, to that many servers in all.
    #[inline(always)]
    pub fn push(&mut self, pool: &Pool, key: &'a [u8], command: Command<'a>, policy: &Policy) {
        let entry = self.len;
        self.len += 1;
        if policy.redundancy > 1 {
            if let Some(primary) = pool.find_server(key, policy) {
                self.push_copies(pool, key, command, policy, primary);
                return;
            }
        }
        self.requests.push(Request::for_key(key, command));
        if !self.entries.is_empty() {
            self.entries.push(entry);
        }
    }

    /// [`WriteBatch::push`] of an entry with copies: on `primary`, the key's server, and the
    /// next servers of its `key-n` sequence.
    fn push_copies(
        &mut self,
        pool: &Pool,
        key: &'a [u8],
        command: Command<'a>,
        policy: &Policy,
        primary: usize,
    ) {
        let entry = self.len - 1;
        if self.entries.is_empty() {
            self.entries.extend(0..self.requests.len());
        }
        let copies = pool.redundant_servers(key, primary, policy.redundancy - 1, policy);
        for server in std::iter::once(primary).chain(copies) {
            self.requests
                .push(Request::for_key_on(key, command, server));
            self.entries.push(entry);
        }
    }

    /// Each entry's counter across its copies, in the order of [`WriteBatch::push`], as the C
    /// extension merges them: the last new value a copy returned; `Some(None)` when copies
    /// answered but none with a value (a miss, an error reply); `None` when every copy's
    /// server failed. Read in one pass as it is consumed, without allocating.
    #[inline]
    pub fn counters(&self) -> impl Iterator<Item = Option<Option<u64>>> + use<'_, 'a> {
        let mut index = 0;
        std::iter::from_fn(move || {
            if index == self.requests.len() {
                return None;
            }
            let (start, entry) = (index, self.entry_of(index));
            // An entry's copies follow it.
            while index < self.requests.len() && self.entry_of(index) == entry {
                index += 1;
            }
            Some(merged_counter(&self.requests[start..index]))
        })
    }

    /// The entry request `index` belongs to.
    #[inline]
    fn entry_of(&self, index: usize) -> usize {
        self.entries.get(index).copied().unwrap_or(index)
    }
}

impl Drop for WriteBatch<'_> {
    /// A single-key write without copies usually owns nothing once answered: then nothing
    /// runs at all instead of the out-of-line drop of its parts.
    #[inline(always)]
    fn drop(&mut self) {
        let owns_nothing = self.entries.capacity() == 0
            && !self.requests.spilled()
            && match self.requests.as_slice() {
                [] => true,
                [request] => owns_nothing(request),
                _ => false,
            };
        if !owns_nothing {
            self.drop_parts();
        }
    }
}

impl WriteBatch<'_> {
    /// The drop of the requests and entries, for a batch that may own memory.
    #[inline(never)]
    fn drop_parts(&mut self) {
        // SAFETY: called once, by the batch's drop, after which neither is used.
        unsafe {
            ManuallyDrop::drop(&mut self.requests);
            ManuallyDrop::drop(&mut self.entries);
        }
    }
}

/// True for a request that owns no memory: no failover record, and an outcome a write ends
/// with that carries no data (others are taken for owning some).
#[inline(always)]
fn owns_nothing(request: &Request<'_>) -> bool {
    request.failover.is_none()
        && matches!(
            request.outcome,
            Outcome::Pending
                | Outcome::Done
                | Outcome::Rejected
                | Outcome::Counter(_)
                | Outcome::Failed
        )
}

/// The counter of one entry from its requests (the key's and its copies'), merged as
/// [`WriteBatch::counters`] says; also for a single-key call that ran without a batch.
#[inline]
pub fn merged_counter(requests: &[Request<'_>]) -> Option<Option<u64>> {
    requests
        .iter()
        .fold(None, |result, request| merged(result, &request.outcome))
}

/// A counter merged with the outcome of one more copy (see [`WriteBatch::counters`]).
fn merged(result: Option<Option<u64>>, outcome: &Outcome) -> Option<Option<u64>> {
    match outcome {
        Outcome::Counter(n) => Some(Some(*n)),
        Outcome::Failed => result,
        _ => Some(result.flatten()),
    }
}

impl Pool {
    /// Extra servers for `memcache.redundancy`: the next `copies` distinct servers after
    /// `primary` in the key's `key-n` sequence. As in the C extension, a copy whose server is
    /// failed is not moved elsewhere: it is dropped (its request fails without traffic).
    fn redundant_servers(
        &self,
        key: &[u8],
        primary: usize,
        copies: u32,
        policy: &Policy,
    ) -> Vec<usize> {
        let wanted = (copies as usize).min(self.len().saturating_sub(1));
        let mut chosen: Vec<usize> = Vec::with_capacity(wanted);
        let mut n = 0;
        while chosen.len() < wanted && n < policy.max_failover_attempts {
            if let Some(candidate) = self.ring.find_failover(key, n) {
                if candidate != primary && !chosen.contains(&candidate) {
                    chosen.push(candidate);
                }
            }
            n += 1;
        }
        chosen
    }

    /// The servers of `key`'s `key-0`, `key-1`, … sequence, distinct, skipping
    /// `skip` and failed ones (those due for a probe count: the exchange probes them), at
    /// most `count`: where sessions keep their copies (and look for the next one to read).
    pub fn key_sequence(
        &self,
        key: &[u8],
        count: usize,
        skip: &[usize],
        policy: &Policy,
    ) -> Vec<usize> {
        let now = unix_now();
        let wanted = count.min(self.len());
        let mut chosen: Vec<usize> = Vec::with_capacity(wanted);
        let attempts = policy.max_failover_attempts.max(self.len() as u32);
        for n in 0..attempts {
            if chosen.len() >= wanted {
                break;
            }
            let Some(candidate) = self.ring.find_failover(key, n) else {
                break;
            };
            let index = self.canonical_index(candidate);
            if !chosen.contains(&index)
                && !skip.contains(&index)
                && (self.is_usable(index) || self.is_due(index, now))
            {
                chosen.push(index);
            }
        }
        chosen
    }

    /// The requests `copy` (key and command pairs) on each server that holds one of `key`'s
    /// `count` session copies ([`Pool::key_sequence`]), each addressed to its server: a copy
    /// whose server fails is lost, not moved.
    pub fn on_session_copies<'a>(
        &self,
        key: &[u8],
        count: usize,
        copy: &[(&'a [u8], Command<'a>)],
        policy: &Policy,
    ) -> Vec<Request<'a>> {
        let servers = self.key_sequence(key, count, &[], policy);
        let mut requests = Vec::with_capacity(servers.len() * copy.len());
        for server in servers {
            for &(key, command) in copy {
                requests.push(Request::for_key_at(key, command, server));
            }
        }
        requests
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch whose entries' copies ended with `outcomes`.
    fn answered(outcomes: &[&[Outcome]]) -> WriteBatch<'static> {
        let mut batch = WriteBatch::default();
        for (entry, copies) in outcomes.iter().enumerate() {
            for outcome in *copies {
                let mut request = Request::for_key(b"k", Command::Delete);
                request.outcome = outcome.clone();
                batch.requests.push(request);
                batch.entries.push(entry);
            }
            batch.len += 1;
        }
        batch
    }

    /// A pool of three servers nobody connects to.
    fn three_servers() -> Pool {
        let mut pool = Pool::new(
            crate::pool::HashStrategy::Consistent,
            crate::hash::HashFunction::Crc32,
            crate::pool::ProtocolKind::Ascii,
            crate::value::Compression::default(),
        );
        for port in 1..=3 {
            let config = crate::pool::ServerConfig {
                persistent: false,
                ..crate::pool::ServerConfig::new("127.0.0.1", port)
            };
            pool.add_server(config, 1, true);
        }
        pool
    }

    #[test]
    fn each_entry_knows_its_copies_with_or_without_redundancy() {
        let pool = three_servers();
        let single = Policy::default();
        let double = Policy {
            redundancy: 2,
            ..Policy::default()
        };
        let mut batch = WriteBatch::default();
        batch.push(&pool, b"one", Command::Delete, &single);
        batch.push(&pool, b"two", Command::Delete, &double);
        batch.push(&pool, b"three", Command::Delete, &single);
        assert_eq!(*batch.entries, [0, 1, 1, 2]);
        let (primary, copy) = (batch.requests[1].server, batch.requests[2].server);
        assert!(primary.is_some() && copy.is_some() && primary != copy);
    }

    #[test]
    fn without_copies_each_request_is_its_entrys_counter() {
        let mut batch = WriteBatch::default();
        for outcome in [Outcome::Counter(5), Outcome::Rejected, Outcome::Failed] {
            let mut request = Request::for_key(b"k", Command::Delete);
            request.outcome = outcome;
            batch.requests.push(request);
            batch.len += 1;
        }
        assert_eq!(
            batch.counters().collect::<Vec<_>>(),
            [Some(Some(5)), Some(None), None]
        );
    }

    #[test]
    fn a_counter_is_the_last_value_a_copy_returned() {
        let batch = answered(&[
            &[Outcome::Counter(5), Outcome::Failed],
            &[Outcome::Rejected, Outcome::Counter(3)],
            &[Outcome::Counter(1), Outcome::Counter(2), Outcome::Rejected],
            &[Outcome::Rejected, Outcome::Failed],
            &[Outcome::Failed, Outcome::Failed],
        ]);
        assert_eq!(
            batch.counters().collect::<Vec<_>>(),
            [
                Some(Some(5)),
                Some(Some(3)),
                Some(Some(2)),
                Some(None),
                None
            ]
        );
    }
}
