//! TLS for `tls://` servers: the client's settings, the rustls configuration built from them
//! (once per distinct settings, then shared), and the session a
//! [`Connection`](crate::net::Connection) drives over its non-blocking socket.
//!
//! rustls is sans-I/O: the session only turns bytes into bytes. The connection's poll loop
//! moves TLS records between it and the socket (`read_tls`/`write_tls`), so a handshake or a
//! TLS read never blocks and obeys the same deadlines as a plain exchange.
//!
//! A configuration holds the session-resumption cache (TLS 1.3 tickets, TLS 1.2 session ids):
//! sharing it means a new connection to a server this process has talked to resumes its
//! session instead of paying a full handshake.

use std::io::{ErrorKind, Read, Write};

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use parking_lot::Mutex;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{ring, verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::{self, PemObject};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{
    AlertDescription, CertificateError, ClientConfig, ClientConnection, DigitallySignedStruct,
    RootCertStore, SignatureScheme,
};
use socket2::Socket;

use crate::net::NetError;

/// How a client sets up TLS: the `memcache.tls_*` settings in force when the server was added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsSettings {
    /// PEM file of the CAs the server's certificate must chain to; `None`: the system's trust
    /// store.
    pub ca_file: Option<PathBuf>,
    /// Check the server's certificate (chain, validity dates, name). Off: any certificate is
    /// accepted (the connection is encrypted but not authenticated).
    pub verify_peer: bool,
    /// The name the certificate must carry; `None`: the host the server was added with.
    pub server_name: Option<String>,
    /// PEM file of the client certificate chain, for servers that require one (mutual TLS).
    pub cert_file: Option<PathBuf>,
    /// PEM file of the client certificate's private key; `None`: the key is in `cert_file`.
    pub key_file: Option<PathBuf>,
}

impl Default for TlsSettings {
    /// The system's trust store, verification on, the host as the name, no client certificate.
    fn default() -> Self {
        TlsSettings {
            ca_file: None,
            verify_peer: true,
            server_name: None,
            cert_file: None,
            key_file: None,
        }
    }
}

impl TlsSettings {
    /// The files these settings read.
    fn files(&self) -> impl Iterator<Item = &Path> {
        [&self.ca_file, &self.cert_file, &self.key_file]
            .into_iter()
            .filter_map(|f| f.as_deref())
    }
}

/// A built configuration and what it was built from: the settings and the version of each file
/// they name, so that a certificate replaced on disk is read again by the next new connection.
struct CachedConfig {
    settings: TlsSettings,
    files: Vec<FileVersion>,
    config: Arc<ClientConfig>,
}

/// What tells one version of a file from the next.
#[derive(PartialEq, Eq)]
struct FileVersion {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

/// Distinct settings a process keeps configurations for; past that the oldest is dropped.
const MAX_CACHED_CONFIGS: usize = 16;

static CONFIGS: Mutex<Vec<CachedConfig>> = Mutex::new(Vec::new());

/// The shared configuration for `settings`, built on first use (or when one of its files
/// changed). A setting that cannot be used is an error that says which and why.
pub fn client_config(settings: &TlsSettings) -> Result<Arc<ClientConfig>, NetError> {
    let files: Vec<FileVersion> = settings.files().map(file_version).collect();
    let mut cache = CONFIGS.lock();
    if let Some(found) = cache
        .iter()
        .find(|c| c.settings == *settings && c.files == files)
    {
        return Ok(found.config.clone());
    }
    let config = Arc::new(build_config(settings).map_err(|message| NetError::Tls {
        message: format!("TLS setup failed: {message}"),
    })?);
    cache.retain(|c| c.settings != *settings);
    if cache.len() >= MAX_CACHED_CONFIGS {
        cache.remove(0);
    }
    cache.push(CachedConfig {
        settings: settings.clone(),
        files,
        config: config.clone(),
    });
    Ok(config)
}

fn file_version(path: &Path) -> FileVersion {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata(path) {
        Ok(meta) => FileVersion {
            modified: meta.modified().ok(),
            len: meta.len(),
            inode: meta.ino(),
        },
        Err(_) => FileVersion {
            modified: None,
            len: 0,
            inode: 0,
        },
    }
}

fn build_config(settings: &TlsSettings) -> Result<ClientConfig, String> {
    let provider = Arc::new(ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let builder = if settings.verify_peer {
        builder.with_root_certificates(trusted_roots(settings.ca_file.as_deref())?)
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AnyCertificate(provider)))
    };
    match (&settings.cert_file, &settings.key_file) {
        (None, None) => Ok(builder.with_no_client_auth()),
        (None, Some(_)) => {
            Err("memcache.tls_key_file is set but memcache.tls_cert_file is not".into())
        }
        (Some(cert_file), key_file) => {
            let chain = read_certificates(cert_file, "memcache.tls_cert_file")?;
            let (key_path, key_setting) = match key_file {
                Some(path) => (path, "memcache.tls_key_file"),
                None => (cert_file, "memcache.tls_cert_file"),
            };
            let key = PrivateKeyDer::from_pem_file(key_path).map_err(|e| match e {
                pem::Error::NoItemsFound => format!(
                    "{key_setting} '{}' holds no PEM private key",
                    key_path.display()
                ),
                e => file_error(key_setting, key_path, &e),
            })?;
            builder
                .with_client_auth_cert(chain, key)
                .map_err(|e| format!("the client certificate and key cannot be used: {e}"))
        }
    }
}

/// The CAs of `ca_file`, or of the system's trust store.
fn trusted_roots(ca_file: Option<&Path>) -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    match ca_file {
        Some(path) => {
            for (n, cert) in read_certificates(path, "memcache.tls_ca_file")?
                .into_iter()
                .enumerate()
            {
                roots.add(cert).map_err(|e| {
                    format!(
                        "memcache.tls_ca_file '{}': certificate {} is not a usable CA: {e}",
                        path.display(),
                        n + 1
                    )
                })?;
            }
        }
        None => {
            roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
            if roots.is_empty() {
                return Err("the system's trust store holds no CA certificate (install \
                            ca-certificates, or set memcache.tls_ca_file)"
                    .into());
            }
        }
    }
    Ok(roots)
}

/// Every PEM certificate of `path` (at least one).
fn read_certificates(path: &Path, setting: &str) -> Result<Vec<CertificateDer<'static>>, String> {
    let certs = CertificateDer::pem_file_iter(path)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| file_error(setting, path, &e))?;
    if certs.is_empty() {
        return Err(format!(
            "{setting} '{}' holds no PEM certificate",
            path.display()
        ));
    }
    Ok(certs)
}

fn file_error(setting: &str, path: &Path, error: &pem::Error) -> String {
    match error {
        pem::Error::Io(e) => format!(
            "cannot read {setting} '{}': {}",
            path.display(),
            super::error::os_message(e)
        ),
        e => format!(
            "{setting} '{}' is not a valid PEM file: {e}",
            path.display()
        ),
    }
}

/// The verifier of `memcache.tls_verify_peer=0`: any certificate is accepted, but the
/// handshake's signatures are still checked against it (so the session is at least bound to
/// the key the server presented).
#[derive(Debug)]
struct AnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// One connection's TLS session: the handshake, then records in both directions.
#[derive(Debug)]
pub(crate) struct TlsSession {
    conn: ClientConnection,
}

impl TlsSession {
    /// A session that will greet `host` (or `settings.server_name`) with its ClientHello as
    /// soon as the socket is connected.
    pub(crate) fn new(host: &str, settings: &TlsSettings) -> Result<Self, NetError> {
        let config = client_config(settings)?;
        let name = settings.server_name.as_deref().unwrap_or(host);
        let server_name = ServerName::try_from(name.to_string()).map_err(|_| NetError::Tls {
            message: format!(
                "TLS setup failed: '{name}' is not a valid server name for a certificate \
                 (set memcache.tls_server_name)"
            ),
        })?;
        let conn = ClientConnection::new(config, server_name).map_err(|e| NetError::Tls {
            message: format!("TLS setup failed: {e}"),
        })?;
        Ok(TlsSession { conn })
    }

    /// True until the handshake is complete.
    pub(crate) fn is_handshaking(&self) -> bool {
        self.conn.is_handshaking()
    }

    /// True if TLS records wait to be written to the socket.
    pub(crate) fn wants_write(&self) -> bool {
        self.conn.wants_write()
    }

    /// True if this session was resumed from an earlier one (no full handshake), once the
    /// handshake is complete.
    pub(crate) fn is_resumed(&self) -> bool {
        self.conn.handshake_kind() == Some(rustls::HandshakeKind::Resumed)
    }

    /// Moves the handshake forward as far as the socket allows: reads the server's flight,
    /// writes ours.
    pub(crate) fn handshake(
        &mut self,
        socket: &Socket,
        plaintext: &mut Vec<u8>,
    ) -> Result<(), NetError> {
        self.receive(socket, plaintext)?;
        self.flush(socket)?;
        Ok(())
    }

    /// Encrypts as much of `data` as the session and the socket take and sends it; returns how
    /// many bytes of `data` were taken. Records that did not fit in the socket are sent by the
    /// next call (see [`TlsSession::wants_write`]).
    pub(crate) fn send(&mut self, socket: &Socket, data: &[u8]) -> Result<usize, NetError> {
        let mut taken = 0;
        while self.flush(socket)? && taken < data.len() {
            let n = self
                .conn
                .writer()
                .write(&data[taken..])
                .map_err(|e| NetError::io(&e))?;
            if n == 0 {
                break;
            }
            taken += n;
        }
        Ok(taken)
    }

    /// Reads what the socket has, decrypts it and appends the plaintext to `plaintext`; returns
    /// how many plaintext bytes arrived. The end of the stream (or the server's close_notify)
    /// is [`NetError::Closed`], a broken or refused session a [`NetError::Tls`].
    pub(crate) fn receive(
        &mut self,
        socket: &Socket,
        plaintext: &mut Vec<u8>,
    ) -> Result<usize, NetError> {
        let mut io = socket;
        let mut total = 0;
        loop {
            let handshaking = self.conn.is_handshaking();
            match self.conn.read_tls(&mut io) {
                Ok(0) if handshaking => return Err(closed_during_handshake()),
                Ok(0) => return Err(NetError::Closed),
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(total),
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => return Err(NetError::io(&e)),
            }
            let state = match self.conn.process_new_packets() {
                Ok(state) => state,
                Err(error) => {
                    // Tell the server why (the alert rustls queued), as far as the socket takes.
                    let _ = self.conn.write_tls(&mut io);
                    return Err(describe(&error, handshaking));
                }
            };
            let available = state.plaintext_bytes_to_read();
            if available > 0 {
                let start = plaintext.len();
                plaintext.resize(start + available, 0);
                self.conn
                    .reader()
                    .read_exact(&mut plaintext[start..])
                    .map_err(|e| NetError::io(&e))?;
                total += available;
            }
            if state.peer_has_closed() {
                return if total > 0 {
                    Ok(total)
                } else {
                    Err(NetError::Closed)
                };
            }
        }
    }

    /// Writes pending TLS records until the socket would block; true when none is left.
    fn flush(&mut self, socket: &Socket) -> Result<bool, NetError> {
        let mut io = socket;
        while self.conn.wants_write() {
            match self.conn.write_tls(&mut io) {
                Ok(0) => return Err(NetError::Closed),
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(false),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(NetError::io(&e)),
            }
        }
        Ok(true)
    }
}

/// The failure of a handshake that saw no answer within the connect timeout.
pub(crate) fn handshake_timeout() -> NetError {
    NetError::Connect {
        message: "TLS handshake timed out (no TLS answer from the server)".into(),
        errno: libc::ETIMEDOUT,
    }
}

fn closed_during_handshake() -> NetError {
    NetError::Tls {
        message: "TLS handshake failed: the server closed the connection (is it a TLS \
                  listener?)"
            .into(),
    }
}

/// Why a TLS session failed, in an operator's words.
fn describe(error: &rustls::Error, handshaking: bool) -> NetError {
    let handshake = "TLS handshake failed";
    let message = match error {
        rustls::Error::InvalidCertificate(cert) => {
            format!("{handshake}: {}", describe_certificate(cert))
        }
        rustls::Error::AlertReceived(alert) => describe_alert(*alert),
        rustls::Error::InvalidMessage(_) if handshaking => format!(
            "{handshake}: the server does not speak TLS (a plain memcached on a tls:// address?)"
        ),
        e if handshaking => format!("{handshake}: {e}"),
        e => format!("TLS error: {e}"),
    };
    NetError::Tls { message }
}

fn describe_certificate(error: &CertificateError) -> String {
    match error {
        CertificateError::UnknownIssuer => {
            "the server's certificate is not signed by a trusted CA \
             (unknown issuer; memcache.tls_ca_file names the CAs to trust)"
                .into()
        }
        CertificateError::NotValidForNameContext {
            expected,
            presented,
        } => format!(
            "the server's certificate is not valid for the name {} (it names {}; \
             memcache.tls_server_name sets the name to check)",
            server_name_text(expected),
            presented
                .iter()
                .map(|name| presented_name(name))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        CertificateError::NotValidForName => "the server's certificate is not valid for the \
             server's name (memcache.tls_server_name sets the name to check)"
            .into(),
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            "the server's certificate has expired".into()
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "the server's certificate is not valid yet (check the clocks)".into()
        }
        CertificateError::Revoked => "the server's certificate has been revoked".into(),
        CertificateError::BadSignature => {
            "the server's certificate has an invalid signature".into()
        }
        other => format!("the server's certificate was rejected: {other:?}"),
    }
}

/// A name of the server's certificate as rustls reports it (`DnsName("a.example")`,
/// `IpAddress(0::1)`), without the wrapping and with IP addresses written the usual way.
fn presented_name(name: &str) -> String {
    if let Some(dns) = name
        .strip_prefix("DnsName(\"")
        .and_then(|n| n.strip_suffix("\")"))
    {
        return dns.to_string();
    }
    name.strip_prefix("IpAddress(")
        .and_then(|n| n.strip_suffix(')'))
        .and_then(|ip| ip.parse::<std::net::IpAddr>().ok())
        .map_or_else(|| name.to_string(), |ip| ip.to_string())
}

fn server_name_text(name: &ServerName<'_>) -> String {
    match name {
        ServerName::DnsName(dns) => format!("'{}'", dns.as_ref()),
        ServerName::IpAddress(ip) => format!("'{}'", std::net::IpAddr::from(*ip)),
        other => format!("{other:?}"),
    }
}

fn describe_alert(alert: AlertDescription) -> String {
    let handshake = "TLS handshake failed";
    match alert {
        AlertDescription::CertificateRequired => format!(
            "{handshake}: the server requires a client certificate (set memcache.tls_cert_file \
             and memcache.tls_key_file)"
        ),
        AlertDescription::BadCertificate
        | AlertDescription::UnsupportedCertificate
        | AlertDescription::CertificateRevoked
        | AlertDescription::CertificateExpired
        | AlertDescription::CertificateUnknown
        | AlertDescription::UnknownCA
        | AlertDescription::AccessDenied => {
            format!("{handshake}: the server rejected the client certificate ({alert:?} alert)")
        }
        AlertDescription::HandshakeFailure => format!(
            "{handshake}: the server refused the handshake (no TLS version or cipher in \
             common, or it requires a client certificate)"
        ),
        AlertDescription::ProtocolVersion => {
            format!("{handshake}: no TLS version in common with the server")
        }
        other => format!("TLS error: the server sent the alert {other:?}"),
    }
}
