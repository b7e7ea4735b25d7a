//! What the pool is asked to do, and what came of it.
//!
//! A PHP call becomes a batch of [`Request`]s of one command kind (one per key, or one per
//! server for version/flush/stats). The pool routes each to a server; per server the requests
//! are encoded into one write and their replies read back by the
//! [`exchange`](crate::pool::exchange) of the pool's protocol, which records an [`Outcome`] per
//! request and the values found in [`Hits`], both in the round's [`Replies`].

use std::cell::Cell;
use std::ops::Range;

use smallvec::SmallVec;

/// The storage commands and their fields are the protocol's own; the pool speaks of them as
/// they are.
pub use crate::protocol::ascii::StoreOp;
pub use crate::protocol::Store;

/// A command, with everything but the key.
#[derive(Clone, Copy, Debug)]
pub enum Command<'a> {
    /// `get` (or `gets` when the CAS value is wanted).
    Get { with_cas: bool },
    /// A get that elects one client to recompute a missing or stale value (the stampede
    /// guard), answered with [`Outcome::Lease`] and, for the value or placeholder, a hit with
    /// its cas unique. On a miss the server creates an empty placeholder that lives `ttl`
    /// seconds. Protocols without leases (text, binary; see
    /// [`ProtocolKind::has_leases`](crate::protocol::ProtocolKind::has_leases)) answer it as a
    /// `gets`: a hit or a miss, never a win.
    Lease { ttl: u32 },
    /// A storage command.
    Store(Store<'a>),
    /// `delete`.
    Delete,
    /// Ends an item's freshness: with `mark_stale` the item is kept but marked stale (a new cas
    /// unique; the next lease of it wins the right to recompute it, and others are served the
    /// stale value meanwhile), living `ttl` more seconds when `ttl` > 0; without, it is deleted.
    /// With `cas` > 0 only if the item's cas unique still equals it. Protocols without stale
    /// items and conditional deletes (text, binary) delete the item unconditionally.
    Invalidate {
        mark_stale: bool,
        ttl: u32,
        cas: u64,
    },
    /// `incr` (delta ≥ 0) or `decr`.
    Counter {
        /// Amount added (negative: subtracted, clamped at 0 by memcached).
        delta: i64,
        /// Binary protocol only: create a missing key with this value and expiry (`$defval`
        /// passed explicitly). The text protocol has no such form and ignores it.
        initial: Option<(u64, u32)>,
    },
    /// `version`.
    Version,
    /// `flush_all [delay]`.
    Flush { delay: u32 },
    /// `stats [args]`.
    Stats { args: &'a [&'a [u8]] },
    /// The server's clock: `uptime` and `time` of `stats` (`STAT` in binary), answered as
    /// [`Outcome::Clock`]: what the failback probe asks.
    Uptime,
}

/// Where a request goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The server the key hashes to (with failover).
    Key,
    /// A given server, by pool index (no failover).
    Server(usize),
    /// A failed server being probed before it rejoins (sent although it is failed).
    Probe(usize),
}

/// How a request ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Not answered yet.
    Pending,
    /// `STORED`, `DELETED`, `OK`, `RESET`, or a get that completed (hit or miss).
    Done,
    /// `NOT_STORED`, `EXISTS` or `NOT_FOUND`: a plain `false`, no failure.
    Rejected,
    /// What a [`Command::Lease`] found (the value or placeholder is in the hits).
    Lease(Lease),
    /// A plain get found a stale item and was handed the right to recompute it, which it does
    /// not use: the pool gives it back (marks the item stale again, so the next lease wins)
    /// before the call returns, and the outcome becomes [`Outcome::Done`] (a miss).
    UnaskedWin {
        /// The item's cas unique, which the give-back compares.
        cas: u64,
    },
    /// New counter value.
    Counter(u64),
    /// Server version.
    Version(Vec<u8>),
    /// The server's `uptime` and `time` (s), the answer to [`Command::Uptime`].
    Clock {
        /// Seconds since the server started, by its own clock.
        uptime: u64,
        /// The server's unix time.
        time: u64,
    },
    /// Stats lines.
    Stats(Vec<StatEntry>),
    /// An error reply that is no server failure (object too large, out of memory,
    /// `CLIENT_ERROR`): `false` and a notice.
    ErrorReply {
        /// The reply line.
        message: String,
        /// The C extension's code: 3 too large, 130 out of memory, 6 client error, 0 other.
        code: i32,
    },
    /// The server (and its failover, if allowed) failed.
    Failed,
}

/// What a lease found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lease {
    /// A fresh value: use it.
    Fresh,
    /// A stale value that another client is recomputing: use it meanwhile.
    Stale,
    /// Nothing: a placeholder now stands in for the value and this client recomputes it.
    Won,
    /// A stale value that this client recomputes.
    WonStale,
    /// Nothing yet: another client is recomputing it.
    Pending,
}

/// The `uptime` and `time` statistics seen so far in a reply to [`Command::Uptime`] (both
/// protocols read them the same way).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ClockReading {
    uptime: Option<u64>,
    time: Option<u64>,
}

impl ClockReading {
    /// Takes note of statistic `name` if it is one of the two.
    pub(crate) fn record(&mut self, name: &[u8], value: &[u8]) {
        let slot = match name {
            b"uptime" => &mut self.uptime,
            b"time" => &mut self.time,
            _ => return,
        };
        *slot = std::str::from_utf8(value).ok().and_then(|v| v.parse().ok());
    }

    /// [`Outcome::Clock`], or [`Outcome::Rejected`] if either figure is missing or malformed.
    pub(crate) fn outcome(self) -> Outcome {
        match (self.uptime, self.time) {
            (Some(uptime), Some(time)) => Outcome::Clock { uptime, time },
            _ => Outcome::Rejected,
        }
    }
}

/// One line of a `stats` reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatEntry {
    /// `STAT name value`.
    Stat { name: Vec<u8>, value: Vec<u8> },
    /// `ITEM key [N b; T s]` from `stats cachedump`.
    Item {
        key: Vec<u8>,
        bytes: Vec<u8>,
        expiry: Vec<u8>,
    },
}

/// One unit of work.
#[derive(Debug)]
pub struct Request<'a> {
    /// Prepared key (empty for server-addressed commands).
    pub key: &'a [u8],
    /// The command.
    pub command: Command<'a>,
    /// Where it goes.
    pub target: Target,
    /// How it ended.
    pub outcome: Outcome,
    /// Current server (pool index) while routed.
    pub(crate) server: Option<usize>,
    /// How far it went along its key's failover sequence; none until it first leaves its
    /// key's server. Out of line: most requests never do, and a smaller request is cheaper
    /// to move.
    pub(crate) failover: Option<Box<Failover>>,
}

/// A request's way along its key's failover sequence.
#[derive(Debug, Default)]
pub(crate) struct Failover {
    /// Servers the request already failed on.
    pub(crate) tried: Vec<usize>,
    /// Next `key-n` failover index to probe.
    pub(crate) next_probe: u32,
}

impl<'a> Request<'a> {
    /// A request for the server `key` maps to.
    pub fn for_key(key: &'a [u8], command: Command<'a>) -> Self {
        Self::new(key, command, Target::Key)
    }

    /// A request for `key` sent to a chosen server first (a `memcache.redundancy` copy); it
    /// fails over like any keyed request.
    pub(crate) fn for_key_on(key: &'a [u8], command: Command<'a>, server: usize) -> Self {
        let mut request = Self::new(key, command, Target::Key);
        request.server = Some(server);
        request
    }

    /// A request for `key` on one given server, without failover (the session protocol pipelines
    /// its lock and data commands on the server it chose).
    pub fn for_key_at(key: &'a [u8], command: Command<'a>, server: usize) -> Self {
        Self::new(key, command, Target::Server(server))
    }

    /// A request for one server (version, flush, stats).
    pub fn for_server(index: usize, command: Command<'a>) -> Self {
        Self::new(b"", command, Target::Server(index))
    }

    /// A request of the probe of failed server `index` (version, uptime, flush).
    pub fn probe(index: usize, command: Command<'a>) -> Self {
        Self::new(b"", command, Target::Probe(index))
    }

    fn new(key: &'a [u8], command: Command<'a>, target: Target) -> Self {
        Request {
            key,
            command,
            target,
            outcome: Outcome::Pending,
            server: None,
            failover: None,
        }
    }
}

/// The C extension's rule for the result of a batch: requests whose server failed (and found
/// no failover) are left out; some request must have been answered, and every answer must
/// satisfy `done`.
pub fn all_answered(requests: &[Request<'_>], done: impl Fn(&Outcome) -> bool) -> bool {
    let mut answered = requests
        .iter()
        .filter(|r| !matches!(r.outcome, Outcome::Failed))
        .peekable();
    answered.peek().is_some() && answered.all(|r| done(&r.outcome))
}

/// The outcomes of one server's requests, in the order of its requests: inline for the one or
/// two requests of a single-key call, so such a call allocates nothing for them.
pub type Outcomes = SmallVec<[Outcome; 2]>;

/// What the reader of one server's replies found, written by the reader as the replies arrive
/// into this structure, which the round that reads them owns (no hand-over when the exchange
/// ends): an outcome per request of the server, in the order of its requests (unanswered ones
/// stay `Pending`), and the values found.
#[derive(Debug, Default)]
pub struct Replies {
    /// Outcome per request of the server.
    pub outcomes: Outcomes,
    /// The values found.
    pub hits: Hits,
}

impl Replies {
    /// Room for the replies to `len` requests, each `Pending`.
    #[inline(always)]
    pub fn new(len: usize) -> Self {
        // One or two requests (a single-key call) fill the inline room as it is.
        let outcomes = if len <= 2 {
            Outcomes::from_buf_and_len([Outcome::Pending, Outcome::Pending], len)
        } else {
            // Each written as it is, not cloned from a first one.
            std::iter::repeat_with(|| Outcome::Pending)
                .take(len)
                .collect()
        };
        Replies {
            outcomes,
            hits: Hits::default(),
        }
    }
}

/// A get hit: where its data sits in [`Hits::data`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index of the request (in the batch) this value answers.
    pub request: usize,
    /// Flags as stored.
    pub flags: u32,
    /// CAS unique (0 when `get` was used).
    pub cas: u64,
    /// Range of the value in [`Hits::data`].
    pub data: Range<usize>,
}

/// The values a batch of gets found, in the order they were parsed; one buffer for all of them
/// so a 100-key get does not allocate 100 times. The buffer is the thread's spare one when
/// there is one (see [`SPARE_DATA`]), and becomes it again when the hits are dropped.
#[derive(Debug, Default)]
pub struct Hits {
    /// Values, back to back.
    pub data: Vec<u8>,
    /// One entry per value found: inline for the one value of a single-key get, so such a
    /// call allocates for its value's bytes only.
    pub hits: SmallVec<[Hit; 1]>,
}

/// Most bytes a value buffer may hold to be kept as the thread's spare one: what the values
/// of a call usually take, so a huge value does not stay pinned after its call.
const KEPT_DATA_CAPACITY: usize = 64 * 1024;

thread_local! {
    /// The emptied value buffer of hits dropped before, for the next hits of this thread: a
    /// get that finds a value then costs no allocation and no free (only its bytes' copy).
    static SPARE_DATA: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

impl Hits {
    /// Makes room for `additional` more bytes of values; the first room is the thread's spare
    /// buffer, if there is one.
    #[inline]
    pub(crate) fn reserve(&mut self, additional: usize) {
        if self.data.capacity() == 0 {
            self.take_spare_data();
        }
        self.data.reserve(additional);
    }

    /// Takes the thread's spare value buffer (see [`SPARE_DATA`]) as the first one. Out of
    /// line: the thread-local's address is looked up only when it is needed, not by every
    /// reader it would be inlined into.
    #[inline(never)]
    fn take_spare_data(&mut self) {
        self.data = SPARE_DATA.with(Cell::take);
    }

    /// Records the value `data` found for request `request`; `expected` is how many values the
    /// exchange may still bring at most, reserved at the first one (a miss allocates nothing).
    #[inline(always)]
    pub(crate) fn add(
        &mut self,
        request: usize,
        flags: u32,
        cas: u64,
        data: &[u8],
        expected: usize,
    ) {
        if self.hits.is_empty() {
            self.hits.reserve(expected);
        }
        if self.data.capacity() == 0 {
            self.take_spare_data();
        }
        let start = self.data.len();
        self.data.extend_from_slice(data);
        self.hits.push(Hit {
            request,
            flags,
            cas,
            data: start..self.data.len(),
        });
    }

    /// The bytes of `hit`.
    pub fn value(&self, hit: &Hit) -> &[u8] {
        &self.data[hit.data.clone()]
    }
}

impl Hits {
    /// Drops the hits here, in the caller: most own no memory (a miss, a write), and then
    /// nothing runs at all instead of the out-of-line drop; others drop as usual.
    #[inline(always)]
    pub fn discard(self) {
        if self.data.capacity() == 0 && !self.hits.spilled() {
            std::mem::forget(self);
        }
    }
}

impl Drop for Hits {
    /// Leaves the value buffer, emptied, as the thread's spare one (unless it is too large to
    /// keep, or there is none: most hits never had one).
    #[inline]
    fn drop(&mut self) {
        if self.data.capacity() != 0 {
            self.keep_data();
        }
    }
}

impl Hits {
    /// The buffer-keeping part of [`Hits::drop`], for hits that have a buffer.
    #[inline(never)]
    fn keep_data(&mut self) {
        if self.data.capacity() <= KEPT_DATA_CAPACITY {
            let mut data = std::mem::take(&mut self.data);
            data.clear();
            // A spare buffer kept before (when hits were alive side by side) is freed.
            drop(SPARE_DATA.with(|spare| spare.replace(data)));
        }
    }
}

/// True for `get`/`gets` requests and leases, which one server answers together (one command
/// line in ASCII, quiet gets ended by a no-op in binary and meta).
pub(crate) fn is_get(request: &Request<'_>) -> bool {
    matches!(request.command, Command::Get { .. } | Command::Lease { .. })
}

/// Orders one server's requests as they are sent: single-reply commands first, in batch order,
/// then the gets, which are answered together.
pub fn wire_order(requests: &[Request<'_>], indexes: &mut [usize]) {
    indexes.sort_by_key(|&i| is_get(&requests[i]));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `all_answered` of requests that ended with `outcomes`, a request done when `Done`.
    fn all_done(outcomes: &[Outcome]) -> bool {
        let requests: Vec<Request<'_>> = outcomes
            .iter()
            .map(|outcome| {
                let mut request = Request::for_key(b"k", Command::Delete);
                request.outcome = outcome.clone();
                request
            })
            .collect();
        all_answered(&requests, |o| matches!(o, Outcome::Done))
    }

    #[test]
    fn a_batch_succeeds_when_some_request_was_answered_and_every_answer_is_done() {
        assert!(all_done(&[Outcome::Done]));
        assert!(all_done(&[Outcome::Failed, Outcome::Done, Outcome::Failed]));
        assert!(!all_done(&[]));
        assert!(!all_done(&[Outcome::Failed, Outcome::Failed]));
        assert!(!all_done(&[Outcome::Done, Outcome::Rejected]));
        assert!(!all_done(&[
            Outcome::Rejected,
            Outcome::Failed,
            Outcome::Done
        ]));
    }

    #[test]
    fn dropped_hits_leave_their_emptied_buffer_to_the_next_ones() {
        let mut first = Hits::default();
        first.add(0, 1, 2, b"old value", 1);
        let kept = first.data.as_ptr();
        drop(first);
        let mut next = Hits::default();
        next.add(3, 4, 5, b"new", 1);
        assert_eq!(next.data.as_ptr(), kept, "the spare buffer was not reused");
        assert_eq!(next.value(&next.hits[0]), b"new");
        assert_eq!(next.hits.len(), 1);
        drop(next);

        // A buffer too large to keep is freed; the next hits start with none of its bytes.
        let mut large = Hits::default();
        large.reserve(KEPT_DATA_CAPACITY + 1);
        large.add(0, 0, 0, b"x", 1);
        drop(large);
        let mut after = Hits::default();
        after.add(0, 0, 0, b"y", 1);
        assert!(after.data.capacity() <= KEPT_DATA_CAPACITY);
        assert_eq!(after.data, b"y");
    }
}
