//! The one poll loop: sends every server's queued requests and reads every server's replies
//! together, so a multi-server operation costs one round trip, not one per server or per key.
//!
//! Uses `poll(2)` (never `select`, which breaks past descriptor 1024). Each job has its own
//! deadline: the connect timeout for the connect and the TLS handshake together, then the I/O
//! timeout, restarted whenever its server makes progress; a job that sees no progress for that
//! long fails with [`NetError::Timeout`] without holding up the others. Progress must also be
//! real: from the connect on, a job may take one I/O timeout plus one more per 64 KiB sent or
//! received, so a server that sends (or takes) a byte now and then cannot hold a request for
//! long.

use std::time::{Duration, Instant};

use smallvec::SmallVec;

use crate::net::{Connection, NetError};

/// What an exchange must move, on average, per I/O timeout: 64 KiB, far below any link
/// memcached is used over (a 1 MB value may take 16 timeouts at this rate), far above a trickle.
const MIN_BYTES_PER_TIMEOUT: usize = 64 * 1024;

/// How far a reader got with the bytes it was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadProgress {
    /// Bytes of complete replies consumed from the front of the buffer.
    pub consumed: usize,
    /// True once every reply the job expects has been consumed.
    pub done: bool,
}

/// Interprets one server's replies for the requests queued on it.
pub trait ReplyReader {
    /// Consumes the complete replies at the front of `buf`. Must not consume a partial reply.
    fn read(&mut self, buf: &[u8]) -> Result<ReadProgress, NetError>;
}

/// One server's exchange: its connection (requests already queued), the reader of its replies,
/// and how long it may go without progress. The reader's type is known to the driver, so its
/// `read` is a direct call that can be inlined.
pub struct Job<'a, R: ReplyReader> {
    /// The connection whose write buffer holds the requests.
    pub conn: &'a mut Connection,
    /// Consumes the replies.
    pub reader: &'a mut R,
    /// Longest wait for a pending connect to complete.
    pub connect_timeout: Duration,
    /// Longest wait for progress on writes and reads.
    pub io_timeout: Duration,
    /// `None` while running; then `Ok` or the failure. A failed job's connection must be
    /// dropped by the caller.
    pub result: Option<Result<(), NetError>>,
    /// When the job times out unless it makes progress first (set by [`run`]).
    deadline: Instant,
    /// The job made progress since its deadline was set: the next pass of [`run`]'s loop
    /// restarts it (one clock reading serves every job, and a job that finishes needs none).
    progressed: bool,
    /// When the exchange proper began: the start of [`run`], or the end of the connect.
    began: Instant,
    /// Bytes sent and received so far.
    moved: usize,
}

impl<'a, R: ReplyReader> Job<'a, R> {
    /// A job that has not run yet.
    pub fn new(
        conn: &'a mut Connection,
        reader: &'a mut R,
        connect_timeout: Duration,
        io_timeout: Duration,
    ) -> Self {
        // Both are set again by `run`, which starts every job from the first job's reading.
        let now = Instant::now();
        Job {
            conn,
            reader,
            connect_timeout,
            io_timeout,
            result: None,
            deadline: now,
            progressed: false,
            began: now,
            moved: 0,
        }
    }

    /// The wait allowed from now: for the connect while it is pending, then for progress.
    fn current_timeout(&self) -> Duration {
        if self.conn.is_connecting() {
            self.connect_timeout
        } else {
            self.io_timeout
        }
    }

    /// When the job fails however much progress it makes: one I/O timeout after it began,
    /// plus one per [`MIN_BYTES_PER_TIMEOUT`] sent or received.
    fn last_deadline(&self) -> Instant {
        let timeouts = 1 + u32::try_from(self.moved / MIN_BYTES_PER_TIMEOUT).unwrap_or(u32::MAX);
        self.began + self.io_timeout.saturating_mul(timeouts)
    }
}

/// Runs all jobs to completion: each ends done, failed or timed out. Inlined, so that a round
/// of one server runs its one job without loops over jobs; the poll loop is out of line.
#[inline(always)]
pub fn run<R: ReplyReader>(jobs: &mut [Job<'_, R>]) {
    // Before the first poll, push out what can be sent right away: on an established
    // connection the request usually leaves in this first send. A kept connection must have
    // nothing to read first (see `Connection::check_idle`; several kept plain connections are
    // checked by one `poll`, see `idle_in_one_poll`). The jobs were made just before:
    // the clock reading of the first (see `Job::new`) is the start, not a reading of its own.
    let start = jobs.first().map_or_else(Instant::now, |job| job.began);
    let idle = if jobs.len() > 1 {
        idle_in_one_poll(jobs)
    } else {
        SmallVec::new()
    };
    for (i, job) in jobs.iter_mut().enumerate() {
        job.began = start;
        if job.conn.was_used() && !idle.get(i).is_some_and(|&idle| idle) {
            if let Err(e) = job.conn.check_idle() {
                job.result = Some(Err(e));
                continue;
            }
        }
        if !job.conn.is_connecting() {
            step_write(job);
        }
    }
    // One server, request sent: its replies are waited for in `recv`, no poll needed; each
    // wait is at most the I/O timeout and ends at the job's last deadline.
    if let [job] = jobs {
        if job.result.is_none() && job.conn.can_wait_in_recv() && job.conn.write_done() {
            // The first wait begins at the start, when the whole I/O timeout is left (the last
            // deadline is at least one I/O timeout after it); later ones read the clock.
            let mut first = true;
            while job.result.is_none() {
                let left = if std::mem::take(&mut first) {
                    job.io_timeout
                } else {
                    job.last_deadline()
                        .saturating_duration_since(Instant::now())
                };
                let received = if left.is_zero() {
                    Ok(0)
                } else {
                    job.conn.recv_some(Some(job.io_timeout.min(left)))
                };
                if matches!(received, Ok(0)) {
                    job.result = Some(Err(job.conn.timeout_error()));
                } else {
                    take_replies(job, received);
                }
            }
            return;
        }
    }
    poll_jobs(jobs, start);
}

/// [`run`]'s poll loop, from the `start` of the jobs, over the jobs not ended by their first
/// send.
#[inline(never)]
fn poll_jobs<R: ReplyReader>(jobs: &mut [Job<'_, R>], start: Instant) {
    // The clock is read once per pass of the loop, and only while some job still runs: a
    // single-server exchange that completes in one poll reads it once (after the start).
    for job in jobs.iter_mut() {
        job.deadline = start + job.current_timeout();
    }
    let mut reading = Some(start);
    // Inline for the usual few servers: a round allocates nothing here.
    let mut fds: SmallVec<[libc::pollfd; 4]> = SmallVec::new();
    let mut polled: SmallVec<[usize; 4]> = SmallVec::new();

    loop {
        if jobs.iter().all(|job| job.result.is_some()) {
            return;
        }
        let now = reading.take().unwrap_or_else(Instant::now);
        fds.clear();
        polled.clear();
        let mut next_deadline: Option<Instant> = None;
        for (i, job) in jobs.iter_mut().enumerate() {
            if job.result.is_some() {
                continue;
            }
            if job.progressed {
                job.progressed = false;
                job.deadline = now + job.io_timeout;
            }
            let deadline = if job.conn.is_connecting() {
                job.deadline
            } else {
                job.deadline.min(job.last_deadline())
            };
            if now >= deadline {
                job.result = Some(Err(job.conn.timeout_error()));
                continue;
            }
            fds.push(libc::pollfd {
                fd: job.conn.fd(),
                events: job.conn.poll_events(),
                revents: 0,
            });
            polled.push(i);
            next_deadline = Some(next_deadline.map_or(deadline, |d| d.min(deadline)));
        }
        let Some(next_deadline) = next_deadline else {
            return;
        };
        let wait = next_deadline.saturating_duration_since(now);
        // Round up so a sub-millisecond remainder does not turn into a busy loop.
        let wait_ms = wait.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32;
        // SAFETY: `fds` is a valid, initialised array of `fds.len()` pollfd structs.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, wait_ms) };
        if ready < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            for &i in &polled {
                jobs[i].result = Some(Err(NetError::io(&err)));
            }
            return;
        }
        for (slot, &i) in polled.iter().enumerate() {
            let revents = fds[slot].revents;
            if revents == 0 {
                continue;
            }
            let job = &mut jobs[i];
            if job.conn.is_connecting() {
                if let Err(e) = job.conn.advance_connect() {
                    job.result = Some(Err(e));
                    continue;
                }
                if job.conn.is_connecting() {
                    continue;
                }
                job.progressed = true;
                job.began = Instant::now();
            }
            if step_write(job) | step_read(job, revents) {
                job.progressed = true;
            }
        }
    }
}

/// For a round over several kept connections: which of them one `poll` (no wait) finds with
/// nothing to read, that is idle, so that their one-by-one [`Connection::check_idle`] (a system
/// call each) is not needed. An entry that is not `true` (TLS, a new connection, something to
/// read, or no answer when fewer than two connections qualify or `poll` fails) is checked alone.
fn idle_in_one_poll<R: ReplyReader>(jobs: &[Job<'_, R>]) -> SmallVec<[bool; 4]> {
    let mut idle = SmallVec::new();
    if jobs
        .iter()
        .filter(|job| job.conn.idle_shows_in_poll())
        .nth(1)
        .is_none()
    {
        return idle;
    }
    // A negative descriptor is skipped by poll (its `revents` stays 0).
    let mut fds: SmallVec<[libc::pollfd; 4]> = jobs
        .iter()
        .map(|job| libc::pollfd {
            fd: if job.conn.idle_shows_in_poll() {
                job.conn.fd()
            } else {
                -1
            },
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    // SAFETY: `fds` is a valid, initialised array of `fds.len()` pollfd structs.
    let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 0) };
    if ready >= 0 {
        idle.extend(fds.iter().map(|fd| fd.fd >= 0 && fd.revents == 0));
    }
    idle
}

/// Sends what the socket accepts; true if bytes left.
#[inline(always)]
fn step_write<R: ReplyReader>(job: &mut Job<'_, R>) -> bool {
    if job.result.is_some() || job.conn.write_done() {
        return false;
    }
    match job.conn.send_some() {
        Ok(n) => {
            job.moved += n;
            n > 0
        }
        Err(e) => {
            job.result = Some(Err(e));
            false
        }
    }
}

/// Reads what arrived and lets the reader consume complete replies; true if bytes arrived.
fn step_read<R: ReplyReader>(job: &mut Job<'_, R>, revents: libc::c_short) -> bool {
    if job.result.is_some() || revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) == 0 {
        return false;
    }
    let received = job.conn.recv_some(None);
    take_replies(job, received)
}

/// Lets the reader consume the complete replies of the read buffer after a receive that
/// brought `received` bytes (or failed); ends the job when they are all there or on a failure.
/// True if bytes arrived.
#[inline(always)]
fn take_replies<R: ReplyReader>(job: &mut Job<'_, R>, received: Result<usize, NetError>) -> bool {
    let arrived = matches!(received, Ok(n) if n > 0);
    if let Ok(n) = received {
        job.moved += n;
    }
    // Replies already buffered are consumed even if the socket then reported an error, so a
    // server that answers and closes still delivers its answers.
    match job.reader.read(job.conn.unread()) {
        Ok(progress) => {
            job.conn.consume(progress.consumed);
            if progress.done {
                job.result = Some(if !job.conn.write_done() {
                    Err(NetError::Unexpected(
                        "reply completed before the request was sent".into(),
                    ))
                } else if !job.conn.unread().is_empty() {
                    // More replies than requests: which of them answered which is unknown.
                    Err(NetError::Unexpected(
                        "Unsolicited data from the server after the last reply".into(),
                    ))
                } else {
                    Ok(())
                });
                return arrived;
            }
        }
        Err(e) => {
            job.result = Some(Err(e));
            return arrived;
        }
    }
    if let Err(e) = received {
        job.result = Some(Err(e));
    }
    arrived
}
