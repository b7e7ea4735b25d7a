//! The session protocol of the C extension's handler, over a pool:
//! `<key>.lock` is taken with a pipelined `incr`/`add`/`get` on one server, with the same
//! backoff; data is written to `session_redundancy` servers of the `key-n` sequence together
//! with the lock release; reads fall over to the next copy.
//!
//! Two improvements keep that wire protocol: the lock is released on close when the request did
//! not write (`session_abort()`, `read_and_close`), and a lock that cannot be obtained within the
//! wait budget can fail the read instead of handing out an empty session that would overwrite
//! the stored one.

use std::time::{Duration, Instant};

use crate::pool::{
    all_answered, unix_now, Command, Outcome, Policy, Pool, Request, Store, StoreOp,
};
use crate::value::{self, Compression, Decoded, Value};

/// The handler's settings, read from the INI when the session opens.
#[derive(Clone, Copy, Debug)]
pub struct SessionSettings {
    /// `memcache.session_redundancy`: copies written, and servers read before giving up.
    pub redundancy: u32,
    /// `memcache.lock_timeout`: lock expiry in seconds; the wait budget is twice this.
    pub lock_timeout: u32,
    /// `memcache.session_fail_on_lock_timeout`: fail the read when the lock cannot be had.
    pub fail_on_lock_timeout: bool,
    /// Routing rules.
    pub policy: Policy,
}

/// The lock could not be obtained within the wait budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Unable to obtain the session lock within {seconds} seconds")]
pub struct LockFailure {
    /// The wait budget that ran out.
    pub seconds: u32,
}

/// First wait between lock attempts, doubled after each attempt up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(5);
/// Longest wait between lock attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(1);

/// One request's session storage.
pub struct SessionStore {
    pool: Pool,
    settings: SessionSettings,
    /// The lock key and the servers where this request holds it.
    held: Option<(Vec<u8>, Vec<usize>)>,
}

/// `<key>.lock`.
fn lock_key(key: &[u8]) -> Vec<u8> {
    let mut lock = key.to_vec();
    lock.extend_from_slice(b".lock");
    lock
}

impl SessionStore {
    /// A store over `pool` (no failure events are reported for sessions).
    pub fn new(pool: Pool, settings: SessionSettings) -> Self {
        SessionStore {
            pool,
            settings,
            held: None,
        }
    }

    fn redundancy(&self) -> usize {
        (self.settings.redundancy.max(1) as usize).min(self.pool.len())
    }

    /// Takes the lock and reads the data. A missing session is empty data.
    pub fn read(&mut self, key: &[u8]) -> Result<Vec<u8>, LockFailure> {
        let lock = lock_key(key);
        let budget_seconds = self.settings.lock_timeout.saturating_mul(2);
        let deadline = Instant::now() + Duration::from_secs(u64::from(budget_seconds));
        let mut backoff = FIRST_BACKOFF;
        let mut skip: Vec<usize> = Vec::new();
        let mut lock_missed = false;
        let one_more = 1;
        while skip.len() < self.redundancy() {
            let Some(&server) = self
                .pool
                .key_sequence(key, one_more, &skip, &self.settings.policy)
                .first()
            else {
                break;
            };
            let lock_value = self.settings.lock_timeout;
            // The binary protocol's incr creates a missing lock as 1 (taken) itself.
            let take_lock = Command::Counter {
                delta: 1,
                initial: Some((1, lock_value)),
            };
            let mut requests = [
                Request::for_key_at(&lock, take_lock, server),
                Request::for_key_at(
                    &lock,
                    Command::Store(Store {
                        op: StoreOp::Add,
                        flags: value::flags::TYPE_LONG,
                        exptime: lock_value,
                        cas: 0,
                        data: b"1",
                    }),
                    server,
                ),
                Request::for_key_at(key, Command::Get { with_cas: false }, server),
            ];
            let hits = self.pool.execute(&mut requests, &self.settings.policy);
            self.pool.take_events();
            if requests.iter().any(|r| r.outcome == Outcome::Failed) {
                skip.push(server);
                continue;
            }
            let acquired =
                requests[0].outcome == Outcome::Counter(1) || requests[1].outcome == Outcome::Done;
            if acquired {
                self.hold(&lock, server);
                if let Some(hit) = hits.hits.first() {
                    if let Some(data) = session_bytes(
                        hit.flags,
                        hits.value(hit),
                        self.settings.policy.max_value_len,
                    ) {
                        return Ok(data);
                    }
                }
                skip.push(server);
                continue;
            }
            let now = Instant::now();
            if now >= deadline {
                lock_missed = true;
                break;
            }
            std::thread::sleep(backoff.min(deadline - now));
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
        if lock_missed && self.settings.fail_on_lock_timeout {
            return Err(LockFailure {
                seconds: budget_seconds,
            });
        }
        Ok(Vec::new())
    }

    fn hold(&mut self, lock: &[u8], server: usize) {
        match &mut self.held {
            Some((_, servers)) => servers.push(server),
            None => self.held = Some((lock.to_vec(), vec![server])),
        }
    }

    /// Writes the data to every copy and releases the lock there. `true` iff some
    /// copy answered and every answer was a success: as in the C extension, a copy whose server
    /// fails does not fail the write.
    pub fn write(
        &mut self,
        key: &[u8],
        data: &[u8],
        lifetime: i64,
        compression: Compression,
    ) -> bool {
        let Ok(encoded) = value::encode(Value::Str(data), 0, compression) else {
            return false;
        };
        let expiry = u32::try_from(unix_now().saturating_add(lifetime)).unwrap_or(u32::MAX);
        let lock = lock_key(key);
        let store = Command::Store(Store {
            op: StoreOp::Set,
            flags: encoded.flags,
            exptime: expiry,
            cas: 0,
            data: &encoded.data,
        });
        let copy = [
            (key, store),
            (&lock[..], release(self.settings.lock_timeout)),
        ];
        let mut requests =
            self.pool
                .on_session_copies(key, self.redundancy(), &copy, &self.settings.policy);
        if requests.is_empty() {
            return false;
        }
        self.pool.execute(&mut requests, &self.settings.policy);
        self.pool.take_events();
        self.held = None;
        all_answered(&requests, |outcome| *outcome == Outcome::Done)
    }

    /// Deletes the data and the lock on every copy; `NOT_FOUND` counts as done.
    pub fn destroy(&mut self, key: &[u8]) -> bool {
        let lock = lock_key(key);
        let copy = [(key, Command::Delete), (&lock[..], Command::Delete)];
        let mut requests =
            self.pool
                .on_session_copies(key, self.redundancy(), &copy, &self.settings.policy);
        self.pool.execute(&mut requests, &self.settings.policy);
        self.pool.take_events();
        self.held = None;
        all_answered(&requests, |outcome| {
            matches!(outcome, Outcome::Done | Outcome::Rejected)
        })
    }

    /// Releases a lock this request still holds (it read but did not write): what
    /// `session_abort()` and `read_and_close` leave behind with the C extension.
    pub fn release(&mut self) {
        let Some((lock, servers)) = self.held.take() else {
            return;
        };
        let release = release(self.settings.lock_timeout);
        let mut requests: Vec<Request<'_>> = servers
            .iter()
            .map(|&server| Request::for_key_at(&lock, release, server))
            .collect();
        self.pool.execute(&mut requests, &self.settings.policy);
        self.pool.take_events();
    }

    /// True if a session with this key exists on one of its copies (strict mode).
    pub fn exists(&mut self, key: &[u8]) -> bool {
        let mut skip = Vec::new();
        while skip.len() < self.redundancy() {
            let Some(&server) = self
                .pool
                .key_sequence(key, 1, &skip, &self.settings.policy)
                .first()
            else {
                return false;
            };
            let mut requests = [Request::for_key_at(
                key,
                Command::Get { with_cas: false },
                server,
            )];
            let hits = self.pool.execute(&mut requests, &self.settings.policy);
            self.pool.take_events();
            if !hits.hits.is_empty() {
                return true;
            }
            skip.push(server);
        }
        false
    }

    /// Takes the pool back (to close its non-persistent connections).
    pub fn into_pool(self) -> Pool {
        self.pool
    }
}

/// `set <key>.lock 768 <lock_timeout> 1\r\n0`: the released lock, as the C extension writes it.
fn release(lock_timeout: u32) -> Command<'static> {
    Command::Store(Store {
        op: StoreOp::Set,
        flags: value::flags::TYPE_LONG,
        exptime: lock_timeout,
        cas: 0,
        data: b"0",
    })
}

/// The session string of a stored value (decompressed to at most `max_len` bytes); `None`
/// when undecodable.
fn session_bytes(flags: u32, data: &[u8], max_len: usize) -> Option<Vec<u8>> {
    match value::decode(flags, data, max_len).ok()? {
        Decoded::Str(bytes) | Decoded::Serialized(bytes) => Some(bytes.into_owned()),
        Decoded::Long(n) => Some(n.to_string().into_bytes()),
        Decoded::Double(_) | Decoded::Bool(_) => Some(data.to_vec()),
    }
}
