//! One non-blocking socket to one server, with the buffers of the exchange in flight.
//!
//! A connection is opened with a non-blocking connect so that several servers can be connected
//! at once by the driver's poll loop; requests are appended to its write buffer and replies
//! accumulate in its read buffer until the pool's reply reader consumes them. Its transport is
//! plain or TLS: the driver and the pool only see plaintext buffers, a pending connect (which
//! includes the TLS handshake) and the poll events the connection waits for.
//!
//! Once connected, a plain socket is switched to blocking mode: every send and receive of the
//! poll loop passes `MSG_DONTWAIT` and so still never blocks, but an exchange with a single
//! server can wait for its reply in `recv` itself, under `SO_RCVTIMEO`, instead of in `poll`
//! followed by `recv`: one system call less per request.

use std::io::ErrorKind;
use std::mem::MaybeUninit;
use std::os::fd::{AsRawFd, RawFd};
use std::time::{Duration, Instant};

use socket2::{Domain, SockAddr, Socket, Type};

use crate::net::tls::{self, TlsSession, TlsSettings};
use crate::net::{Endpoint, NetError};

/// How many bytes one `recv` may add to the read buffer.
const READ_CHUNK: usize = 64 * 1024;

/// Most bytes of memory a buffer keeps from one exchange to the next, so one huge value does
/// not pin its buffer for the life of the process.
const KEPT_BUFFER: usize = 1024 * 1024;

/// Flags of every send: never block (the socket may be in blocking mode), never raise SIGPIPE.
const SEND_FLAGS: libc::c_int = libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL;

/// Flags of a receive that must not block.
const RECEIVE_FLAGS: libc::c_int = libc::MSG_DONTWAIT;

/// What the bytes go through between the buffers and the socket.
#[derive(Debug)]
enum Transport {
    /// Straight to the socket.
    Plain,
    /// Through a TLS session.
    Tls(Box<TlsSession>),
}

/// A socket to a memcached server and the bytes queued on it.
#[derive(Debug)]
pub struct Connection {
    socket: Socket,
    transport: Transport,
    /// The TCP (or unix) connect has not completed.
    connecting: bool,
    write_buf: Vec<u8>,
    written: usize,
    read_buf: Vec<u8>,
    consumed: usize,
    exchanges: u64,
    /// The socket is in blocking mode (plain, connected): [`Connection::recv_some`] can wait.
    blocking: bool,
    /// The `SO_RCVTIMEO` last set on the socket, zero until one is (a wait is never shorter than
    /// a microsecond).
    receive_timeout: Duration,
}

impl Connection {
    /// Starts connecting to `endpoint` without waiting: the connection is usable at once, and
    /// the driver finishes the connect and, for TLS (with `tls`), the handshake (or reports
    /// their failure) before writing.
    pub fn open(endpoint: &Endpoint, tls: &TlsSettings) -> Result<Self, NetError> {
        let (socket, addr, transport) = match endpoint {
            Endpoint::Tcp { host, .. } | Endpoint::Tls { host, .. } => {
                let transport = match endpoint {
                    Endpoint::Tls { .. } => Transport::Tls(Box::new(TlsSession::new(host, tls)?)),
                    _ => Transport::Plain,
                };
                let addr = endpoint.resolve()?;
                let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)
                    .map_err(|e| NetError::connect(&e))?;
                socket
                    .set_nodelay(true)
                    .map_err(|e| NetError::connect(&e))?;
                (socket, SockAddr::from(addr), transport)
            }
            Endpoint::Unix(path) => {
                let addr = SockAddr::unix(path).map_err(|e| NetError::connect(&e))?;
                let socket = Socket::new(Domain::UNIX, Type::STREAM, None)
                    .map_err(|e| NetError::connect(&e))?;
                (socket, addr, Transport::Plain)
            }
        };
        socket
            .set_nonblocking(true)
            .map_err(|e| NetError::connect(&e))?;
        let connecting = match socket.connect(&addr) {
            Ok(()) => false,
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => true,
            Err(e) if e.kind() == ErrorKind::WouldBlock => true,
            Err(e) => return Err(NetError::connect(&e)),
        };
        let mut connection = Connection {
            socket,
            transport,
            connecting,
            write_buf: Vec::new(),
            written: 0,
            read_buf: Vec::new(),
            consumed: 0,
            exchanges: 0,
            blocking: false,
            receive_timeout: Duration::ZERO,
        };
        if !connecting {
            connection.connected()?;
        }
        Ok(connection)
    }

    /// The TCP (or unix) connect completed: a plain socket turns blocking (see the module
    /// documentation); a TLS one stays non-blocking for its session's reads and writes.
    fn connected(&mut self) -> Result<(), NetError> {
        self.connecting = false;
        if matches!(self.transport, Transport::Plain) {
            self.socket
                .set_nonblocking(false)
                .map_err(|e| NetError::connect(&e))?;
            self.blocking = true;
        }
        Ok(())
    }

    /// True if [`Connection::recv_some`] can wait for the reply in `recv` (a plain, connected
    /// socket).
    pub(crate) fn can_wait_in_recv(&self) -> bool {
        self.blocking
    }

    /// The descriptor the driver polls.
    pub fn fd(&self) -> RawFd {
        self.socket.as_raw_fd()
    }

    /// The buffer requests are encoded into; everything in it is sent by the next driver run.
    pub fn write_buffer(&mut self) -> &mut Vec<u8> {
        &mut self.write_buf
    }

    /// True while the non-blocking connect, or the TLS handshake after it, has not completed.
    pub fn is_connecting(&self) -> bool {
        self.connecting || self.tls().is_some_and(TlsSession::is_handshaking)
    }

    /// True when every queued byte has been sent.
    pub fn write_done(&self) -> bool {
        self.written >= self.write_buf.len() && !self.tls().is_some_and(TlsSession::wants_write)
    }

    /// True if this is a TLS connection whose session was resumed from an earlier one (an
    /// abbreviated handshake), once the handshake is complete.
    pub fn is_resumed_tls(&self) -> bool {
        self.tls().is_some_and(TlsSession::is_resumed)
    }

    fn tls(&self) -> Option<&TlsSession> {
        match &self.transport {
            Transport::Tls(session) => Some(session),
            Transport::Plain => None,
        }
    }

    /// The `poll` events this connection waits for: writability while the connect is pending
    /// or bytes wait to be sent, and always readability (a reply, a handshake message, or the
    /// server closing).
    pub(crate) fn poll_events(&self) -> libc::c_short {
        let wants_write = if self.connecting {
            true
        } else {
            match &self.transport {
                Transport::Tls(session) if session.is_handshaking() => session.wants_write(),
                _ => !self.write_done(),
            }
        };
        if wants_write {
            libc::POLLIN | libc::POLLOUT
        } else {
            libc::POLLIN
        }
    }

    /// True if this connection already completed an exchange before the current one: such a
    /// socket may have been closed by the server meanwhile (restart, idle timeout), so a failure
    /// on it before any reply byte arrives is retried once on a fresh connection.
    pub fn was_used(&self) -> bool {
        self.exchanges > 0
    }

    /// True if part of a reply to the current exchange has arrived.
    pub fn has_reply_bytes(&self) -> bool {
        self.consumed > 0 || !self.read_buf.is_empty()
    }

    /// Waits up to `timeout` for a pending connect (and TLS handshake) to complete (`connect()`
    /// in PHP).
    pub fn wait_connected(&mut self, timeout: Duration) -> Result<(), NetError> {
        let deadline = Instant::now() + timeout;
        while self.is_connecting() {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(self.timeout_error());
            }
            let mut fd = libc::pollfd {
                fd: self.fd(),
                events: self.poll_events(),
                revents: 0,
            };
            let wait_ms = left.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd.
            let ready = unsafe { libc::poll(&mut fd, 1, wait_ms) };
            if ready > 0 {
                self.advance_connect()?;
            } else if ready < 0 {
                let err = std::io::Error::last_os_error();
                if err.kind() != ErrorKind::Interrupted {
                    return Err(NetError::connect(&err));
                }
            }
        }
        Ok(())
    }

    /// Moves a pending connect forward once `poll` reported the socket: completes the TCP
    /// connect, then takes the TLS handshake as far as the socket allows.
    pub(crate) fn advance_connect(&mut self) -> Result<(), NetError> {
        if self.connecting {
            match self.socket.take_error() {
                Ok(None) => self.connected()?,
                Ok(Some(e)) | Err(e) => return Err(NetError::connect(&e)),
            }
        }
        if let Transport::Tls(session) = &mut self.transport {
            if session.is_handshaking() {
                session.handshake(&self.socket, &mut self.read_buf)?;
            }
        }
        Ok(())
    }

    /// The failure of a connection that made no progress within its timeout: a connect or
    /// handshake timeout while connecting, a network timeout after.
    pub(crate) fn timeout_error(&self) -> NetError {
        if self.connecting {
            NetError::Connect {
                message: "Connection timed out".into(),
                errno: libc::ETIMEDOUT,
            }
        } else if self.is_connecting() {
            tls::handshake_timeout()
        } else {
            NetError::Timeout
        }
    }

    /// Sends as much of the write buffer as the socket takes; returns how many bytes that was.
    #[inline(always)]
    pub(crate) fn send_some(&mut self) -> Result<usize, NetError> {
        if let Transport::Tls(session) = &mut self.transport {
            let sent = session.send(&self.socket, &self.write_buf[self.written..])?;
            self.written += sent;
            return Ok(sent);
        }
        let before = self.written;
        while self.written < self.write_buf.len() {
            let pending = &self.write_buf[self.written..];
            // SAFETY: `pending` is readable memory of `pending.len()` bytes.
            let sent = unsafe {
                libc::send(
                    self.fd(),
                    pending.as_ptr().cast(),
                    pending.len(),
                    SEND_FLAGS,
                )
            };
            match sent {
                0 => return Err(NetError::Closed),
                // `sent` is positive and at most `pending.len()`.
                1.. => self.written += sent as usize,
                _ => match last_errno() {
                    e if e == libc::EAGAIN || e == libc::EWOULDBLOCK => break,
                    libc::EINTR => {}
                    errno => return Err(NetError::io(&std::io::Error::from_raw_os_error(errno))),
                },
            }
        }
        Ok(self.written - before)
    }

    /// Reads what the socket has into the read buffer; returns how many bytes arrived
    /// (0 when nothing was ready). With `wait` (only where [`Connection::can_wait_in_recv`]),
    /// the first `recv` waits up to that long for bytes; 0 then means the wait timed out. End of
    /// stream is an error: replies were still expected.
    #[inline(always)]
    pub(crate) fn recv_some(&mut self, wait: Option<Duration>) -> Result<usize, NetError> {
        if let Transport::Tls(session) = &mut self.transport {
            return session.receive(&self.socket, &mut self.read_buf);
        }
        let mut flags = RECEIVE_FLAGS;
        if let Some(timeout) = wait {
            debug_assert!(self.blocking, "waiting recv on a non-blocking socket");
            // Zero would mean "forever": wait at least a microsecond.
            let timeout = timeout.max(Duration::from_micros(1));
            if self.receive_timeout != timeout {
                self.socket
                    .set_read_timeout(Some(timeout))
                    .map_err(|e| NetError::io(&e))?;
                self.receive_timeout = timeout;
            }
            flags &= !libc::MSG_DONTWAIT;
        }
        let fd = self.fd();
        let mut total = 0;
        loop {
            if self.read_buf.capacity() - self.read_buf.len() < READ_CHUNK / 4 {
                self.read_buf.reserve(READ_CHUNK);
            }
            let len = self.read_buf.len();
            let spare: &mut [MaybeUninit<u8>] = self.read_buf.spare_capacity_mut();
            let limit = spare.len().min(READ_CHUNK);
            // SAFETY: `spare` is writable memory of at least `limit` bytes.
            let received = unsafe { libc::recv(fd, spare.as_mut_ptr().cast(), limit, flags) };
            // A new connection closed (or reset) before any byte of its first reply.
            let unanswered = !self.was_used() && !self.has_reply_bytes();
            match received {
                0 if unanswered => return Err(NetError::ClosedUnanswered),
                0 => return Err(NetError::Closed),
                1.. => {
                    // `received` is positive and at most `limit`.
                    let n = received as usize;
                    // SAFETY: recv initialised the first `n` bytes of the spare capacity.
                    unsafe { self.read_buf.set_len(len + n) };
                    total += n;
                    // Only the first read waits; the rest take what is there.
                    flags = RECEIVE_FLAGS;
                    if n < limit {
                        return Ok(total);
                    }
                }
                _ => match last_errno() {
                    e if e == libc::EAGAIN || e == libc::EWOULDBLOCK => return Ok(total),
                    libc::EINTR => {}
                    libc::ECONNRESET if unanswered => return Err(NetError::ClosedUnanswered),
                    errno => return Err(NetError::io(&std::io::Error::from_raw_os_error(errno))),
                },
            }
        }
    }

    /// Checks, before a kept connection carries a new request, that the server has sent
    /// nothing since the last exchange ended. memcached never speaks unasked: bytes here are
    /// replies nobody waits for, which the new request would take for its own (an error: the
    /// stream is out of step); end of stream is a server that closed the idle connection
    /// ([`NetError::Closed`]). Costs one non-blocking `recv` that normally finds nothing: on a
    /// plain socket a peek at one byte (the connection is dropped if anything is there), on a
    /// TLS one a read through the session, which may hold bytes of its own.
    #[inline(always)]
    pub(crate) fn check_idle(&mut self) -> Result<(), NetError> {
        let found = if matches!(self.transport, Transport::Plain) {
            self.peek_idle()?
        } else {
            self.recv_some(None)? > 0
        };
        if found {
            return Err(NetError::Unexpected(
                "Unsolicited data from the server before the request".into(),
            ));
        }
        Ok(())
    }

    /// True for a kept plain connection, whose [`check_idle`](Self::check_idle) `poll` can
    /// answer for (together with other connections' in one system call): on it, nothing to read
    /// means idle. A TLS session may hold bytes of its own that `poll` cannot see.
    pub(crate) fn idle_shows_in_poll(&self) -> bool {
        self.was_used() && matches!(self.transport, Transport::Plain)
    }

    /// Whether a byte waits on the plain socket, without taking it or blocking; end of stream
    /// is [`NetError::Closed`], another failure of the socket its error.
    #[inline(always)]
    fn peek_idle(&self) -> Result<bool, NetError> {
        let mut byte = 0u8;
        loop {
            // SAFETY: one writable byte.
            let received = unsafe {
                libc::recv(
                    self.fd(),
                    std::ptr::addr_of_mut!(byte).cast(),
                    1,
                    libc::MSG_PEEK | libc::MSG_DONTWAIT,
                )
            };
            return match received {
                0 => Err(NetError::Closed),
                1.. => Ok(true),
                _ => match last_errno() {
                    e if e == libc::EAGAIN || e == libc::EWOULDBLOCK => Ok(false),
                    libc::EINTR => continue,
                    errno => Err(NetError::io(&std::io::Error::from_raw_os_error(errno))),
                },
            };
        }
    }

    /// The received bytes not yet consumed by the reply reader.
    pub(crate) fn unread(&self) -> &[u8] {
        &self.read_buf[self.consumed..]
    }

    /// Marks `n` bytes of [`Connection::unread`] as consumed.
    pub(crate) fn consume(&mut self, n: usize) {
        self.consumed += n;
        if self.consumed == self.read_buf.len() {
            self.read_buf.clear();
            self.consumed = 0;
        }
    }

    /// Ends a successful exchange: the buffers are emptied, keeping their memory for the next
    /// one (at most [`KEPT_BUFFER`] each).
    #[inline]
    pub(crate) fn finish_exchange(&mut self) {
        self.exchanges += 1;
        self.write_buf.clear();
        self.written = 0;
        if self.consumed != 0 {
            self.read_buf.drain(..self.consumed);
            self.consumed = 0;
        }
        if self.write_buf.capacity() > KEPT_BUFFER || self.read_buf.capacity() > KEPT_BUFFER {
            self.shrink_buffers();
        }
    }

    /// Gives back the memory of buffers beyond [`KEPT_BUFFER`] (after a huge value).
    #[cold]
    fn shrink_buffers(&mut self) {
        self.write_buf.shrink_to(KEPT_BUFFER);
        self.read_buf.shrink_to(KEPT_BUFFER);
    }
}

/// The `errno` of the system call that just failed.
#[inline]
fn last_errno() -> i32 {
    // SAFETY: `__errno_location` returns the calling thread's `errno`, valid for reading.
    unsafe { *libc::__errno_location() }
}
