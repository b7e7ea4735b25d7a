//! A pool of servers: routes each request to its server (with the C extension's ring and
//! `key-n` failover), runs every server's share of a batch in one poll loop, and handles
//! failures: a failed server is marked, reported as an [`Event`], and only its requests move.

use std::cell::RefMut;
use std::rc::Rc;
use std::time::Duration;

use smallvec::SmallVec;

use crate::hash::HashFunction;
use crate::net::endpoint::ring_host;
use crate::net::{self, Job, NetError};
use crate::pool::clock::unix_now;
use crate::pool::exchange::{self, Exchange};
use crate::pool::health::FailureVerdict;
use crate::pool::recovery::{FailbackDecision, FailbackFlush};
use crate::pool::request::{wire_order, Replies, Store};
use crate::pool::ring::{HashStrategy, Ring};
use crate::pool::{
    registry, Command, Hits, Outcome, Request, Server, ServerConfig, ServerHandle, Target,
};
use crate::protocol::ascii::MAX_VALUE_LEN;
use crate::protocol::ProtocolKind;
use crate::value::Compression;

/// Per-call routing and failure rules, read from the INI at every call.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// `memcache.allow_failover`.
    pub allow_failover: bool,
    /// `memcache.max_failover_attempts`.
    pub max_failover_attempts: u32,
    /// `memcache.redundancy`: copies of writes, deletes and counters.
    pub redundancy: u32,
    /// `memcache.failure_limit`: consecutive timeouts that fail a server (refusals and broken
    /// replies fail it at once).
    pub failure_limit: u32,
    /// `memcache.failover_ttl`: longest expiry (s) of a value written to a failover server
    /// instead of its own; 0 leaves expiries alone.
    pub failover_ttl: u32,
    /// `memcache.failback_flush`: what a recovering server goes through before it rejoins.
    pub failback_flush: FailbackFlush,
    /// `memcache.max_failed_share`: percentage of the pool's servers that timeouts may fail
    /// at once (the cascade guard); refusals and broken replies are not limited.
    pub max_failed_share: u32,
    /// Most bytes of values one server's exchange may buffer: what the caller can still hold
    /// (PHP: what `memory_limit` leaves), at most memcached's largest possible item. A longer
    /// value is refused at its header (a notice; the connection is closed, the server stays up).
    pub max_value_len: usize,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            allow_failover: true,
            max_failover_attempts: 20,
            redundancy: 1,
            failure_limit: 1,
            failover_ttl: 0,
            failback_flush: FailbackFlush::Auto,
            max_failed_share: 100,
            max_value_len: MAX_VALUE_LEN,
        }
    }
}

/// What a server reported, for the PHP layer to turn into a notice or the failure callback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerEvent {
    /// Server host as configured.
    pub host: String,
    /// TCP port.
    pub tcp_port: u16,
    /// UDP port.
    pub udp_port: u16,
    /// What went wrong.
    pub message: String,
    /// errno, or the C extension's code for error replies.
    pub errnum: i32,
}

/// A step of a server's health that the optional health log (`memcache.health_log`) reports;
/// failures themselves are [`Event::Failure`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HealthChange {
    /// This process took the probe lease of a failed server and probes it.
    ProbeStarted,
    /// The probe passed: the failback step flushes the server or not, and why.
    Failback(FailbackDecision),
    /// The server rejoined.
    Rejoined,
    /// A timeout would have failed the server, but the cascade guard held it back: `failed`
    /// servers of the pool's `servers` are failed by timeouts already, at most `allowed` may be.
    Held {
        /// Servers failed by timeouts.
        failed: usize,
        /// The pool's servers.
        servers: usize,
        /// How many timeouts may fail at once.
        allowed: usize,
    },
}

/// Something the PHP caller must be told about after a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A server was marked failed: failure callback, or the notice.
    Failure(ServerEvent),
    /// An error reply that did not fail the server: always the notice.
    ErrorReply(ServerEvent),
    /// A failed server passed its probe and failback step; it rejoins once the failback
    /// callback approves ([`Pool::finish_failback`] with the pool index).
    FailbackReady {
        /// Pool index of the server.
        index: usize,
        /// The server.
        server: ServerEvent,
    },
    /// A step for the health log.
    Health {
        /// The server.
        server: ServerEvent,
        /// What happened.
        change: HealthChange,
    },
}

/// Inline room of the per-round vectors: rounds with up to this many servers allocate none.
const ROUND_SERVERS: usize = 4;

/// Per-round vectors, one entry per server of the round.
type PerServer<T> = SmallVec<[T; ROUND_SERVERS]>;

/// One server's pending requests (batch indexes, in wire order): the server's pool index and
/// its members.
type Group = (usize, SmallVec<[usize; 2]>);

/// What one [`Pool::execute`] call keeps track of across its rounds.
#[derive(Default)]
struct CallState {
    /// Servers whose kept socket turned out closed and were retried once.
    stale_retried: Vec<usize>,
    /// Failed servers probed (or found failed) during this call: not probed again.
    probed: Vec<usize>,
    /// Values found so far.
    hits: Hits,
}

/// One server's part of a network round: its borrowed state and how its exchange ended (the
/// reader of its replies sits at the same position of the round's readers).
struct ServerRound<'s> {
    /// The server, borrowed for the round.
    server: RefMut<'s, Server>,
    /// The exchange opens with SASL authentication (binary, new connection).
    authenticating: bool,
    /// `None` while the job runs; then how it ended (a failed connect before it ran).
    result: Option<Result<(), NetError>>,
    /// The socket was kept from an earlier exchange.
    reused: bool,
}

/// Servers in insertion order with the ring that maps keys to them.
#[derive(Debug)]
pub struct Pool {
    servers: Vec<ServerHandle>,
    /// Maps keys to servers (and their `key-n` failover sequence).
    pub(crate) ring: Ring,
    /// Wire protocol, fixed at pool creation.
    pub protocol: ProtocolKind,
    /// Compression settings (`setCompressThreshold`).
    pub compression: Compression,
    /// Longest wait for progress on an exchange: the smallest timeout of the servers added so
    /// far, lowered (never raised) by `setServerParams`. Connects use each
    /// server's own timeout.
    io_timeout: Option<Duration>,
    pub(crate) events: Vec<Event>,
    /// A failback callback is registered: recovered servers wait for it
    /// ([`Event::FailbackReady`]) instead of rejoining at once.
    pub failback_callback: bool,
}

impl Pool {
    /// An empty pool.
    pub fn new(
        strategy: HashStrategy,
        function: HashFunction,
        protocol: ProtocolKind,
        compression: Compression,
    ) -> Self {
        Pool {
            servers: Vec::new(),
            ring: Ring::new(strategy, function),
            protocol,
            compression,
            io_timeout: None,
            events: Vec::new(),
            failback_callback: false,
        }
    }

    /// Adds a server. Persistent servers come from the per-process registry (shared with
    /// other pools); `status = false` adds it failed (and never persistent).
    pub fn add_server(&mut self, mut config: ServerConfig, weight: u32, status: bool) -> usize {
        if !status {
            config.persistent = false;
        }
        // A server added down is this pool's decision: its health stays private.
        let handle = if config.persistent {
            registry::persistent_server(&config)
        } else {
            Server::new(config.clone(), status).into_handle()
        };
        if !status {
            handle.borrow_mut().health.mark_down();
        }
        self.lower_io_timeout(config.timeout);
        self.ring
            .add_server(ring_host(&config.host), config.tcp_port, weight.max(1));
        self.servers.push(handle);
        self.servers.len() - 1
    }

    /// Number of servers.
    pub fn len(&self) -> usize {
        self.servers.len()
    }

    /// True when the pool has no servers (after `close()`).
    pub fn is_empty(&self) -> bool {
        self.servers.is_empty()
    }

    /// The server at `index`.
    pub fn server(&self, index: usize) -> &ServerHandle {
        &self.servers[index]
    }

    /// The first server whose host is byte-identical to `host` and whose TCP port is `port`.
    pub fn find_by_address(&self, host: &str, port: u16) -> Option<usize> {
        self.servers.iter().position(|s| {
            let s = s.borrow();
            s.config.host == host && s.config.tcp_port == port
        })
    }

    /// Removes every server: non-persistent ones are disconnected, persistent ones stay open
    /// in the registry. The ring is rebuilt with the given hashing.
    pub fn close(&mut self, strategy: HashStrategy, function: HashFunction) {
        self.io_timeout = None;
        for handle in self.servers.drain(..) {
            let mut server = handle.borrow_mut();
            if !server.config.persistent {
                server.disconnect();
            }
        }
        self.ring = Ring::new(strategy, function);
    }

    /// True if events were gathered since the last [`take_events`](Self::take_events).
    pub fn has_events(&self) -> bool {
        !self.events.is_empty()
    }

    /// Takes the events gathered since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// The server `key` maps to right now, failing over past invalid servers when allowed. A
    /// failed server that is due for its probe counts as valid (it is probed when a request
    /// is sent), as in the C extension.
    pub fn find_server(&self, key: &[u8], policy: &Policy) -> Option<usize> {
        let mut lookup = Request::for_key(key, Command::Version);
        let now = unix_now();
        self.route(&mut lookup, policy, |index| {
            let server = self.servers[index].borrow();
            server
                .health
                .is_up_or_due(server.config.retry_interval, now)
        })
    }

    /// Opens the connection to server `index` now and waits for it (`connect()`); a failure
    /// marks the server failed and is returned.
    pub fn connect_server(&mut self, index: usize, policy: &Policy) -> Result<(), NetError> {
        let handle = self.servers[index].clone();
        let mut server = handle.borrow_mut();
        let timeout = server.config.timeout;
        let result = server
            .connection()
            .and_then(|conn| conn.wait_connected(timeout));
        match result {
            Ok(()) => {
                server.health.mark_up();
                Ok(())
            }
            Err(e) => {
                self.fail_server(&mut server, &e, unix_now(), policy);
                Err(e)
            }
        }
    }

    /// Runs a batch: routes, sends, reads, fails over. A failed server a request would go to
    /// is probed first if it is due (see [`probe`](crate::pool::probe)). Every request
    /// ends with an outcome; values found by gets are returned.
    pub fn execute(&mut self, requests: &mut [Request<'_>], policy: &Policy) -> Hits {
        let now = unix_now();
        let mut call = CallState::default();
        for request in requests.iter_mut() {
            self.assign(request, policy, &mut call);
        }
        if requests.len() == 1 {
            // One request (every single-key call): its one-server rounds without the grouping.
            while let Some(index) = self.pending_server(&mut requests[0]) {
                self.run_server_round(requests, index, &[0], policy, now, &mut call);
            }
        } else {
            let mut groups = PerServer::new();
            loop {
                self.group_pending(requests, &mut groups);
                if groups.is_empty() {
                    break;
                }
                self.run_round(requests, &groups, policy, now, &mut call);
            }
        }
        if requests
            .iter()
            .any(|r| matches!(r.outcome, Outcome::UnaskedWin { .. }))
        {
            self.give_back_unasked_wins(requests, policy);
        }
        call.hits
    }

    /// Gives back the right to recompute a stale item that plain gets were handed (meta): the
    /// item is marked stale again, if nobody changed it meanwhile, so that the next lease of it
    /// wins; the gets are misses.
    fn give_back_unasked_wins(&mut self, requests: &mut [Request<'_>], policy: &Policy) {
        let mut give_backs: Vec<Request<'_>> = Vec::new();
        for request in requests.iter_mut() {
            let Outcome::UnaskedWin { cas } = request.outcome else {
                continue;
            };
            request.outcome = Outcome::Done;
            if let Some(server) = request.server {
                let command = Command::Invalidate {
                    mark_stale: true,
                    ttl: 0,
                    cas,
                };
                give_backs.push(Request::for_key_at(request.key, command, server));
            }
        }
        if !give_backs.is_empty() {
            self.execute(&mut give_backs, policy);
        }
    }

    /// Chooses the server of a pending request: its preset server, or the key's route among
    /// the servers that are up or due for a probe. A failed server that is due is probed (once
    /// per call); if it stays failed, a keyed request with failover looks further, a preset
    /// one (a redundancy copy, a server-addressed command) fails without traffic.
    #[inline]
    fn assign(&mut self, request: &mut Request<'_>, policy: &Policy, call: &mut CallState) {
        // The usual case, settled here without the general routing: a keyed request that has
        // not left its key's server, which is up. `route` would choose that server whatever
        // the policy, and its expiry is its own.
        if request.server.is_none() && request.target == Target::Key && request.failover.is_none() {
            if let Some(primary) = self.ring.find(request.key) {
                if self.is_usable(primary) {
                    request.server = Some(primary);
                    return;
                }
            }
        }
        self.assign_routed(request, policy, call);
    }

    /// [`assign`](Self::assign) past its usual case: routing with failover and probes.
    fn assign_routed(&mut self, request: &mut Request<'_>, policy: &Policy, call: &mut CallState) {
        let preset = request.server.is_some();
        for _ in 0..=self.servers.len() {
            let server = match request.server.take() {
                Some(server) => server,
                None => {
                    let probed = &call.probed;
                    let valid = |index: usize| {
                        self.is_usable(index)
                            || (!probed.contains(&self.canonical_index(index))
                                && self.is_due(index, unix_now()))
                    };
                    match self.route(request, policy, valid) {
                        Some(server) => server,
                        None => break,
                    }
                }
            };
            if matches!(request.target, Target::Probe(_)) || self.is_usable(server) {
                request.server = Some(server);
                self.bound_failover_expiry(request, server, policy);
                return;
            }
            let canonical = self.canonical_index(server);
            if !call.probed.contains(&canonical) && self.is_due(canonical, unix_now()) {
                call.probed.push(canonical);
                if self.probe_server(canonical, policy) {
                    request.server = Some(server);
                    self.bound_failover_expiry(request, server, policy);
                    return;
                }
            }
            if preset || request.target != Target::Key || !policy.allow_failover {
                break;
            }
            call.probed.push(canonical);
        }
        request.outcome = Outcome::Failed;
    }

    /// The server (canonical: servers shared between pool slots count once) a pending request
    /// goes to in the next round; `None` if it is not pending, or if it has no server or an
    /// unusable one, when it fails here without network traffic.
    fn pending_server(&self, request: &mut Request<'_>) -> Option<usize> {
        if !matches!(request.outcome, Outcome::Pending) {
            return None;
        }
        let Some(index) = request.server else {
            request.outcome = Outcome::Failed;
            return None;
        };
        let index = self.canonical_index(index);
        if !matches!(request.target, Target::Probe(_)) && !self.is_usable(index) {
            request.outcome = Outcome::Failed;
            return None;
        }
        Some(index)
    }

    /// Pending requests grouped by server into `groups` (see
    /// [`pending_server`](Self::pending_server)), each in wire order.
    ///
    /// What a request's pool slot decides (its canonical server and whether that server is
    /// usable) is looked up once per slot and round: no health changes while a round is formed,
    /// and the next round looks again.
    fn group_pending(&self, requests: &mut [Request<'_>], groups: &mut PerServer<Group>) {
        groups.clear();
        // Per pool slot: `UNSEEN`, `UNUSABLE`, or the position of its server's group.
        const UNSEEN: usize = usize::MAX;
        const UNUSABLE: usize = usize::MAX - 1;
        let mut slots: SmallVec<[usize; 8]> = smallvec::smallvec![UNSEEN; self.servers.len()];
        let total = requests.len();
        for (i, request) in requests.iter_mut().enumerate() {
            let group = match (request.server, &request.target) {
                (Some(slot), target) if !matches!(target, Target::Probe(_)) => {
                    if !matches!(request.outcome, Outcome::Pending) {
                        continue;
                    }
                    if slots[slot] == UNSEEN {
                        let index = self.canonical_index(slot);
                        slots[slot] = if self.is_usable(index) {
                            group_of(groups, index, total - i)
                        } else {
                            UNUSABLE
                        };
                    }
                    if slots[slot] == UNUSABLE {
                        request.outcome = Outcome::Failed;
                        continue;
                    }
                    slots[slot]
                }
                _ => {
                    let Some(index) = self.pending_server(request) else {
                        continue;
                    };
                    group_of(groups, index, total - i)
                }
            };
            groups[group].1.push(i);
        }
        for (_, members) in groups.iter_mut() {
            wire_order(requests, members);
        }
    }

    /// The first pool slot holding the same server as `index`.
    pub(crate) fn canonical_index(&self, index: usize) -> usize {
        let target = &self.servers[index];
        self.servers
            .iter()
            .position(|s| Rc::ptr_eq(s, target))
            .unwrap_or(index)
    }

    /// True if server `index` takes requests (it is up; a failed server comes back only
    /// through its probe).
    pub fn is_usable(&self, index: usize) -> bool {
        !self.servers[index].borrow().health.is_failed()
    }

    /// True if server `index` is failed and its retry interval has passed at `now`.
    pub(crate) fn is_due(&self, index: usize, now: i64) -> bool {
        let server = self.servers[index].borrow();
        server.health.is_failed()
            && server
                .health
                .is_up_or_due(server.config.retry_interval, now)
    }

    /// One network round over every server that has pending requests.
    fn run_round(
        &mut self,
        requests: &mut [Request<'_>],
        groups: &[Group],
        policy: &Policy,
        now: i64,
        call: &mut CallState,
    ) {
        if let [(index, members)] = groups {
            self.run_server_round(requests, *index, members, policy, now, call);
            return;
        }
        let handles: PerServer<ServerHandle> = groups
            .iter()
            .map(|(index, _)| self.servers[*index].clone())
            .collect();
        let mut rounds: PerServer<ServerRound<'_>> = PerServer::new();
        for (handle, (_, members)) in handles.iter().zip(groups) {
            rounds.push(self.open_round(handle.borrow_mut(), requests, members));
        }
        // Each server's reader writes what it reads into its replies.
        let mut replies: PerServer<Replies> = groups
            .iter()
            .map(|(_, members)| Replies::new(members.len()))
            .collect();
        {
            let mut readers: PerServer<Exchange<'_, '_>> = PerServer::new();
            for ((round, (_, members)), server_replies) in
                rounds.iter().zip(groups).zip(replies.iter_mut())
            {
                readers.push(self.reader(round, requests, members, policy, server_replies));
            }
            let mut jobs: PerServer<Job<'_, Exchange<'_, '_>>> = PerServer::new();
            for (round, reader) in rounds
                .iter_mut()
                .zip(readers.iter_mut())
                .filter(|(r, _)| r.result.is_none())
            {
                jobs.push(self.job(round, reader));
            }
            net::run(&mut jobs);
            let results: PerServer<_> = jobs.iter_mut().map(|job| job.result.take()).collect();
            drop(jobs);
            let ran = rounds.iter_mut().filter(|r| r.result.is_none());
            for (round, result) in ran.zip(results) {
                round.result = result;
            }
            // The readers borrow the requests and replies: they end here, before the outcomes
            // are recorded.
        }

        let mut failed_slots: PerServer<usize> = PerServer::new();
        for (number, ((round, replies), (index, members))) in rounds
            .into_iter()
            .zip(replies.iter_mut())
            .zip(groups)
            .enumerate()
        {
            if self.settle(round, replies, requests, *index, members, policy, now, call) {
                failed_slots.push(number);
            }
        }
        // Routing looks at every server's health: the borrows ended with the loop above.
        for number in failed_slots {
            let (index, members) = &groups[number];
            self.move_failed(requests, *index, members, policy, call);
        }
    }

    /// [`run_round`](Self::run_round) for a round with one server (every single-key call): the
    /// same steps, without the per-round vectors.
    #[inline(always)]
    fn run_server_round(
        &mut self,
        requests: &mut [Request<'_>],
        index: usize,
        members: &[usize],
        policy: &Policy,
        now: i64,
        call: &mut CallState,
    ) {
        let handle = self.servers[index].clone();
        let mut round = self.open_round(handle.borrow_mut(), requests, members);
        let mut replies = Replies::new(members.len());
        if round.result.is_none() {
            let mut reader = self.reader(&round, requests, members, policy, &mut replies);
            let mut jobs = [self.job(&mut round, &mut reader)];
            net::run(&mut jobs);
            let [job] = jobs;
            round.result = job.result;
        }
        if self.settle(
            round,
            &mut replies,
            requests,
            index,
            members,
            policy,
            now,
            call,
        ) {
            self.move_failed(requests, index, members, policy, call);
        }
        replies.hits.discard();
    }

    /// Opens (or takes) the connection of a round's server and queues its requests `members`;
    /// a connect that fails outright is the round's result before any job runs. A new
    /// connection of a server with credentials authenticates first (binary only).
    #[inline(always)]
    fn open_round<'s>(
        &self,
        mut server: RefMut<'s, Server>,
        requests: &[Request<'_>],
        members: &[usize],
    ) -> ServerRound<'s> {
        let auth = match self.protocol {
            ProtocolKind::Binary => server.pending_auth().cloned(),
            ProtocolKind::Ascii | ProtocolKind::Meta => None,
        };
        let (authenticating, result) = match server.connection() {
            Ok(conn) => {
                exchange::encode(
                    self.protocol,
                    conn.write_buffer(),
                    requests,
                    members,
                    auth.as_ref(),
                );
                (auth.is_some(), None)
            }
            Err(e) => (false, Some(Err(e))),
        };
        ServerRound {
            server,
            authenticating,
            result,
            reused: false,
        }
    }

    /// The reader of the replies to what [`open_round`](Self::open_round) queued, built where
    /// the caller keeps it, writing into the round's `replies`.
    #[inline(always)]
    fn reader<'b, 'a>(
        &self,
        round: &ServerRound<'_>,
        requests: &'b [Request<'a>],
        members: &'b [usize],
        policy: &Policy,
        replies: &'b mut Replies,
    ) -> Exchange<'b, 'a> {
        Exchange::new(
            self.protocol,
            requests,
            members,
            round.authenticating,
            policy.max_value_len,
            replies,
        )
    }

    /// The network job of a round whose connection is open, with the server's timeouts.
    #[inline(always)]
    fn job<'j, 'b, 'a>(
        &self,
        round: &'j mut ServerRound<'_>,
        reader: &'j mut Exchange<'b, 'a>,
    ) -> Job<'j, Exchange<'b, 'a>> {
        let connect_timeout = round.server.config.timeout;
        let io_timeout = self.io_timeout.unwrap_or(connect_timeout);
        let conn = round
            .server
            .existing_connection()
            .expect("connection opened by open_round");
        round.reused = conn.was_used();
        Job::new(conn, reader, connect_timeout, io_timeout)
    }

    /// Records how one server's exchange ended: the outcomes of its requests `members` and the
    /// values found (unless the stream went out of step), the server's health and its
    /// connection. True if the server failed: its pending requests must move
    /// ([`move_failed`](Self::move_failed)) once no server is borrowed.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn settle(
        &mut self,
        round: ServerRound<'_>,
        replies: &mut Replies,
        requests: &mut [Request<'_>],
        index: usize,
        members: &[usize],
        policy: &Policy,
        now: i64,
        call: &mut CallState,
    ) -> bool {
        let ServerRound {
            mut server,
            authenticating,
            result,
            reused,
        } = round;
        // A stream that went out of step (unparsable, unexpected or unasked-for replies)
        // may have handed any reply to the wrong request: nothing read from it is used.
        let trusted = !matches!(&result, Some(Err(e)) if e.is_out_of_step());
        let mut error_reply = false;
        if trusted {
            for (&member, outcome) in members.iter().zip(replies.outcomes.iter_mut()) {
                if let Outcome::ErrorReply { message, code } = outcome {
                    error_reply = true;
                    self.events
                        .push(Event::ErrorReply(server_event(&server, message, *code)));
                }
                // The request's outcome is pending: the two trade places.
                debug_assert!(matches!(requests[member].outcome, Outcome::Pending));
                std::mem::swap(&mut requests[member].outcome, outcome);
            }
            debug_assert!(replies
                .outcomes
                .iter()
                .all(|outcome| matches!(outcome, Outcome::Pending)));
            // SAFETY: shortening the list only forgets its elements, and every one is now a
            // `Pending`, which owns nothing: no drop is skipped that would free anything.
            unsafe { replies.outcomes.set_len(0) };
            append_hits(&mut call.hits, &mut replies.hits);
        }
        match result {
            Some(Ok(())) => {
                // A completed exchange answers every request; one left pending would be
                // sent again forever, so it counts as failed instead.
                fail_pending(requests, members);
                server.health.record_success(now);
                if authenticating {
                    server.auth_done();
                }
                if error_reply {
                    server.disconnect();
                } else {
                    let conn = server.existing_connection().expect("job ran on it");
                    conn.finish_exchange();
                }
                false
            }
            // A value too large to hold: a notice, the rest of the server's requests fail
            // (its reply is not read further), the server stays up.
            Some(Err(e)) if e.is_refused_value() => {
                server.disconnect();
                self.events.push(Event::ErrorReply(server_event(
                    &server,
                    &e.to_string(),
                    e.errnum(),
                )));
                fail_pending(requests, members);
                false
            }
            Some(Err(e)) => {
                // A socket kept from an earlier exchange that turns out closed before any
                // reply byte was closed by the server meanwhile (restart, idle timeout):
                // reconnect and resend once, silently.
                let had_reply = server
                    .existing_connection()
                    .is_some_and(|conn| conn.has_reply_bytes());
                if reused
                    && !had_reply
                    && e.is_closed_socket()
                    && !call.stale_retried.contains(&index)
                {
                    call.stale_retried.push(index);
                    server.disconnect();
                    return false;
                }
                self.fail_server(&mut server, &e, now, policy);
                true
            }
            None => unreachable!("every job ends with a result"),
        }
    }

    /// Moves the pending requests `members` of failed server `index` along their keys'
    /// failover sequences, or fails them.
    fn move_failed(
        &mut self,
        requests: &mut [Request<'_>],
        index: usize,
        members: &[usize],
        policy: &Policy,
        call: &mut CallState,
    ) {
        for &member in members {
            let request = &mut requests[member];
            if !matches!(request.outcome, Outcome::Pending) {
                continue;
            }
            let failover = request.failover.get_or_insert_with(Box::default);
            failover.tried.push(index);
            let tried = failover.tried.len();
            request.server = None;
            let may_move = request.target == Target::Key
                && policy.allow_failover
                && tried < self.servers.len();
            if may_move {
                self.assign(request, policy, call);
            } else {
                request.outcome = Outcome::Failed;
            }
        }
    }

    /// Closes `server`'s connection after a failed exchange and records the failure: a failed
    /// probe keeps the server failed; otherwise a refusal or broken reply fails it at once and
    /// a timeout once `failure_limit` of them came in a row, unless the cascade guard holds it
    /// back. Reported only when it fails.
    fn fail_server(&mut self, server: &mut Server, error: &NetError, now: i64, policy: &Policy) {
        server.disconnect();
        let reported = if server.health.owns_probe() {
            server.health.probe_failed(now, error.errnum());
            true
        } else {
            let hard = *error != NetError::Timeout;
            let (failed, allowed) = self.soft_failure_room(policy);
            let verdict = server.health.record_failure(
                now,
                error.errnum(),
                hard,
                policy.failure_limit,
                failed < allowed,
            );
            if verdict == FailureVerdict::Held {
                let servers = self.servers.len();
                self.events.push(Event::Health {
                    server: server_event(server, &error.to_string(), error.errnum()),
                    change: HealthChange::Held {
                        failed,
                        servers,
                        allowed,
                    },
                });
            }
            if verdict == FailureVerdict::Failed {
                server
                    .health
                    .note_retry_interval(server.config.retry_interval);
            }
            verdict == FailureVerdict::Failed
        };
        if reported {
            self.events.push(Event::Failure(server_event(
                server,
                &error.to_string(),
                error.errnum(),
            )));
        }
    }

    /// The cascade guard: how many of the pool's servers are failed by timeouts alone, and how
    /// many may be (`max_failed_share` percent of the servers, rounded down). Servers shared
    /// between pool slots count once; the server being recorded is borrowed by the caller and
    /// is up (a failed one is not counted again), so it is skipped.
    fn soft_failure_room(&self, policy: &Policy) -> (usize, usize) {
        let servers = self.servers.len();
        let allowed = servers.saturating_mul(policy.max_failed_share.min(100) as usize) / 100;
        if allowed >= servers {
            return (0, allowed);
        }
        let failed = (0..servers)
            .filter(|&index| self.canonical_index(index) == index)
            .filter(|&index| {
                self.servers[index]
                    .try_borrow()
                    .is_ok_and(|server| server.health.is_soft_failed())
            })
            .count();
        (failed, allowed)
    }

    /// Queues a health-log step of server `index`.
    pub(crate) fn health_event(&mut self, index: usize, change: HealthChange) {
        let server = server_event(&self.server(index).borrow(), "", 0);
        self.events.push(Event::Health { server, change });
    }

    /// `memcache.failover_ttl`: a store routed to another server than its key's own gets at
    /// most that expiry, so the orphaned copy cannot be read after later failures.
    fn bound_failover_expiry(&self, request: &mut Request<'_>, server: usize, policy: &Policy) {
        let Command::Store(Store { exptime, .. }) = &mut request.command else {
            return;
        };
        if policy.failover_ttl == 0
            || request.target != Target::Key
            || self.ring.find(request.key) == Some(server)
        {
            return;
        }
        *exptime = bounded_expiry(*exptime, policy.failover_ttl, unix_now());
    }

    /// Chooses the server for a request among those `valid` accepts: its target, or the key's
    /// server, or (if that is not valid or already failed and failover is on) the `key-n`
    /// sequence of the C extension.
    fn route(
        &self,
        request: &mut Request<'_>,
        policy: &Policy,
        valid: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        if self.servers.is_empty() {
            return None;
        }
        if let Target::Server(index) | Target::Probe(index) = request.target {
            return Some(index);
        }
        let primary = self.ring.find(request.key)?;
        let untried = request.failover.as_ref().is_none_or(|f| f.tried.is_empty());
        if untried && (!policy.allow_failover || valid(primary)) {
            return Some(primary);
        }
        if !policy.allow_failover {
            return None;
        }
        let failover = request.failover.get_or_insert_with(Box::default);
        let mut last = primary;
        while failover.next_probe < policy.max_failover_attempts {
            let n = failover.next_probe;
            failover.next_probe += 1;
            let Some(candidate) = self.ring.find_failover(request.key, n) else {
                break;
            };
            if failover.tried.contains(&candidate) {
                continue;
            }
            last = candidate;
            if valid(candidate) {
                return Some(candidate);
            }
        }
        (!failover.tried.contains(&last)).then_some(last)
    }

    /// Lowers the pool's I/O wait to `timeout` if that is shorter (`addServer`,
    /// `setServerParams`).
    pub fn lower_io_timeout(&mut self, timeout: Duration) {
        self.io_timeout = Some(self.io_timeout.map_or(timeout, |t| t.min(timeout)));
    }
}

/// Memcached's largest relative expiry: larger values are absolute unix times.
pub(crate) const MAX_RELATIVE_EXPIRY: u32 = 60 * 60 * 24 * 30;

/// `exptime` (as sent: relative up to 30 days, else absolute) capped at `ttl` seconds from
/// `now`; 0 (never expires) becomes `ttl`.
fn bounded_expiry(exptime: u32, ttl: u32, now: i64) -> u32 {
    let remaining = match exptime {
        0 => i64::MAX,
        relative if relative <= MAX_RELATIVE_EXPIRY => i64::from(relative),
        absolute => i64::from(absolute) - now,
    };
    if remaining > i64::from(ttl) {
        ttl
    } else {
        exptime
    }
}

pub(crate) fn server_event(server: &Server, message: &str, errnum: i32) -> ServerEvent {
    ServerEvent {
        host: server.config.host.clone(),
        tcp_port: server.config.tcp_port,
        udp_port: server.config.udp_port,
        message: message.to_string(),
        errnum,
    }
}

/// The position in `groups` of server `index`'s group, added (with room for `room` members) if
/// it has none yet.
fn group_of(groups: &mut PerServer<Group>, index: usize, room: usize) -> usize {
    match groups.iter().position(|(s, _)| *s == index) {
        Some(position) => position,
        None => {
            groups.push((index, SmallVec::with_capacity(room)));
            groups.len() - 1
        }
    }
}

/// Marks the requests of `members` that are still pending as failed.
fn fail_pending(requests: &mut [Request<'_>], members: &[usize]) {
    for &member in members {
        if matches!(requests[member].outcome, Outcome::Pending) {
            requests[member].outcome = Outcome::Failed;
        }
    }
}

/// Moves the values of `from` to the end of `into`.
#[inline(always)]
fn append_hits(into: &mut Hits, from: &mut Hits) {
    if from.hits.is_empty() {
        return;
    }
    if into.hits.is_empty() {
        std::mem::swap(into, from);
        return;
    }
    append_hits_after(into, from);
}

/// [`append_hits`] when both hold values: `from`'s move behind `into`'s.
fn append_hits_after(into: &mut Hits, from: &mut Hits) {
    let offset = into.data.len();
    into.data.extend_from_slice(&from.data);
    into.hits.extend(from.hits.drain(..).map(|mut hit| {
        hit.data = hit.data.start + offset..hit.data.end + offset;
        hit
    }));
}
