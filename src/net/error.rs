//! Why an exchange with a server failed, worded as the C extension words it in its failure
//! notice (`Server H (tcp P, udp U) failed with: MSG (ERRNO)`).

use crate::protocol::ProtocolError;

/// A failed exchange. Every variant means the connection is closed and not reused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NetError {
    /// The connection could not be established (refused, unreachable, unresolvable, timeout).
    #[error("Connection failed: {message}")]
    Connect { message: String, errno: i32 },
    /// No progress within the server's timeout.
    #[error("Network timeout")]
    Timeout,
    /// The server closed the connection before all replies arrived.
    #[error("Read failed (socket was unexpectedly closed)")]
    Closed,
    /// The server closed a new connection without answering its first request: what a TLS
    /// listener does to a client that does not speak TLS, and what a proxy such as twemproxy
    /// does to a command it does not support (stats, flush_all).
    #[error("Read failed (the server closed a new connection without answering: a TLS listener needs tls://host; a proxy may not support the command)")]
    ClosedUnanswered,
    /// A read or write failed.
    #[error("{message}")]
    Io { message: String, errno: i32 },
    /// TLS could not be set up (a setting or file that cannot be used), the handshake or the
    /// certificate check failed, or the TLS stream broke; the message says which, in an
    /// operator's words.
    #[error("{message}")]
    Tls { message: String },
    /// A reply that could not be parsed.
    #[error("{0}")]
    Protocol(#[from] ProtocolError),
    /// A well-formed reply the command did not expect (the line, without CRLF).
    #[error("{0}")]
    Unexpected(String),
}

impl NetError {
    /// The errno shown in parentheses after the message (0 when there is none).
    pub fn errnum(&self) -> i32 {
        match self {
            NetError::Connect { errno, .. } | NetError::Io { errno, .. } => *errno,
            _ => 0,
        }
    }

    /// True if the error says the peer closed or reset the socket, which is what a connection
    /// kept from an earlier exchange shows after a server restart or idle timeout. A timeout
    /// is not such an error: it means the server is hung.
    pub fn is_closed_socket(&self) -> bool {
        matches!(
            self,
            NetError::Closed | NetError::ClosedUnanswered | NetError::Io { .. }
        )
    }

    /// A connect failure from an OS error, e.g. `Connection failed: Connection refused (111)`.
    pub fn connect(err: &std::io::Error) -> Self {
        NetError::Connect {
            message: os_message(err),
            errno: err.raw_os_error().unwrap_or(0),
        }
    }

    /// True if the reply stream went out of step: a reply that could not be parsed, one that
    /// answers nothing that was asked, or bytes nobody asked for. Every reply read on such a
    /// connection is suspect, not only the last one. A refused value
    /// ([`NetError::is_refused_value`]) is not out of step.
    pub fn is_out_of_step(&self) -> bool {
        match self {
            NetError::Protocol(e) => !matches!(e, ProtocolError::ValueTooLarge { .. }),
            NetError::Unexpected(_) => true,
            _ => false,
        }
    }

    /// True if a well-formed reply carried a value larger than the caller can hold: the
    /// connection is closed (the value is not read), but the server is not at fault.
    pub fn is_refused_value(&self) -> bool {
        matches!(
            self,
            NetError::Protocol(ProtocolError::ValueTooLarge { .. })
        )
    }

    /// A read/write failure from an OS error.
    pub fn io(err: &std::io::Error) -> Self {
        NetError::Io {
            message: os_message(err),
            errno: err.raw_os_error().unwrap_or(0),
        }
    }
}

/// `strerror(errno)` without Rust's ` (os error N)` suffix.
pub(crate) fn os_message(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_read_like_strerror() {
        let refused = std::io::Error::from_raw_os_error(libc::ECONNREFUSED);
        let err = NetError::connect(&refused);
        assert_eq!(err.to_string(), "Connection failed: Connection refused");
        assert_eq!(err.errnum(), 111);
        assert_eq!(NetError::Timeout.errnum(), 0);
    }
}
