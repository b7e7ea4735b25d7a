//! The per-process registry of persistent servers: every pool of the process that adds the same
//! host, TCP port and UDP port persistently shares one server, its socket and its failure state,
//! across requests.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::pool::{Server, ServerConfig, ServerHandle};

thread_local! {
    static PERSISTENT: RefCell<HashMap<String, ServerHandle>> = RefCell::new(HashMap::new());
}

/// The key the C extension uses: `memcache:server:<host>:<tcp>:<udp>`. The host keeps its
/// scheme, so `tls://h` and `h` on the same port are different persistent servers.
fn registry_key(config: &ServerConfig) -> String {
    format!(
        "memcache:server:{}:{}:{}",
        config.host, config.tcp_port, config.udp_port
    )
}

/// The shared server for `config`, created on first use. On reuse the timeout and retry
/// interval take the new values and the failure state is kept, as in the C extension; TLS
/// settings that changed take effect on a new connection.
pub fn persistent_server(config: &ServerConfig) -> ServerHandle {
    PERSISTENT.with(|map| {
        let mut map = map.borrow_mut();
        let handle = map
            .entry(registry_key(config))
            .or_insert_with(|| Server::new(config.clone(), true).into_handle());
        {
            let mut server = handle.borrow_mut();
            server.config.timeout = config.timeout;
            server.config.retry_interval = config.retry_interval;
            server.set_tls(&config.tls);
            if config.sasl.is_some() {
                server.set_sasl(config.sasl.clone());
            }
        }
        handle.clone()
    })
}
