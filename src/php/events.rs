//! Turns the pool's failure events into what PHP code sees: the pool's failure callback,
//! called with `(host, tcp_port, udp_port, error, errnum)`, or the C extension's notice; and
//! runs the failback callback of a server this worker's probe brought back, which decides
//! whether it rejoins.
//!
//! Runs after the pool operation has finished and released every borrow, because the callback
//! may call back into the same object (`setServerParams` from inside the callback).

use ext_php_rs::types::{ZendCallable, Zval};

use crate::php::args::ArgError;
use crate::php::connection::SharedPool;
use crate::php::errors;
use crate::php::health_log::{self, Step};
use crate::php::pool_object::PoolObject;
use crate::pool::{Event, ServerEvent};

/// Reports the events `pool` gathered. `Err` when the callback threw: the exception is pending
/// and the caller must return at once. Inlined: most calls have none, and only look.
#[inline(always)]
pub fn dispatch(object: PoolObject<'_>, pool: &SharedPool) -> Result<(), ArgError> {
    if !pool.borrow().has_events() {
        return Ok(());
    }
    report(object, pool)
}

/// [`dispatch`] once there are events.
#[inline(never)]
fn report(object: PoolObject<'_>, pool: &SharedPool) -> Result<(), ArgError> {
    let events = pool.borrow_mut().take_events();
    let mut thrown = Ok(());
    for event in events {
        // After an exception no more PHP code runs; servers still waiting for their failback
        // callback stay down until their next probe.
        if thrown.is_err() {
            if let Event::FailbackReady { index, .. } = event {
                pool.borrow_mut().finish_failback(index, false);
            }
            continue;
        }
        thrown = match event {
            Event::Failure(event) => {
                health_log::log(&event, &Step::Failed);
                match object.failure_callback() {
                    Some(callback) => call_failure_callback(object, &callback, &event),
                    None => {
                        errors::notice(&failure_message(&event));
                        Ok(())
                    }
                }
            }
            Event::Health { server, change } => {
                health_log::log(&server, &Step::Change(&change));
                Ok(())
            }
            Event::ErrorReply(event) => {
                errors::notice(&failure_message(&event));
                Ok(())
            }
            Event::FailbackReady { index, server } => {
                let outcome = match object.failback_callback() {
                    Some(callback) => call_failback_callback(&callback, &server),
                    None => Ok(true),
                };
                let approved = matches!(outcome, Ok(true));
                let rejoined = pool.borrow_mut().finish_failback(index, approved);
                if rejoined {
                    health_log::log(&server, &Step::Rejoined);
                } else if !approved {
                    health_log::log(&server, &Step::Vetoed);
                }
                outcome.map(|_| ())
            }
        };
    }
    thrown
}

/// Runs the failback callback with `(host, tcp_port, udp_port)`: `Ok(false)` if it returned
/// `false` (the server stays down), `Err` if it threw.
fn call_failback_callback(callback: &Zval, event: &ServerEvent) -> Result<bool, ArgError> {
    let Ok(callable) = ZendCallable::new(callback) else {
        errors::warning("Invalid failback callback");
        return Ok(true);
    };
    let host = event.host.as_str();
    let tcp_port = i64::from(event.tcp_port);
    let udp_port = i64::from(event.udp_port);
    let result = callable.try_call(vec![&host, &tcp_port, &udp_port]);
    match result {
        Ok(value) if !errors::exception_pending() => {
            Ok(!(value.is_bool() && value.bool() == Some(false)))
        }
        _ => Err(ArgError),
    }
}

/// `Server H (tcp P, udp U) failed with: MSG (ERRNO)`.
pub fn failure_message(event: &ServerEvent) -> String {
    format!(
        "Server {} (tcp {}, udp {}) failed with: {} ({})",
        event.host, event.tcp_port, event.udp_port, event.message, event.errnum
    )
}

fn call_failure_callback(
    object: PoolObject<'_>,
    callback: &Zval,
    event: &ServerEvent,
) -> Result<(), ArgError> {
    let Ok(callable) = ZendCallable::new(callback) else {
        errors::warning("Invalid failure callback");
        object.set_failure_callback(None);
        return Ok(());
    };
    let host = event.host.as_str();
    let tcp_port = i64::from(event.tcp_port);
    let udp_port = i64::from(event.udp_port);
    let message = event.message.as_str();
    let errnum = i64::from(event.errnum);
    let result = callable.try_call(vec![&host, &tcp_port, &udp_port, &message, &errnum]);
    if result.is_err() || errors::exception_pending() {
        return Err(ArgError);
    }
    Ok(())
}
