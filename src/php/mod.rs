//! The only layer that touches Zend: the `memcache` module, its classes, functions, INI
//! directives, constants and phpinfo section. Everything here turns PHP arguments into calls on
//! the plain-Rust core and core results (and failure events) into PHP values, warnings and
//! callbacks.

pub mod api;
pub mod arginfo;
pub mod args;
pub mod array;
pub mod class;
pub mod classes;
pub mod commands;
pub mod connection;
pub mod convert;
pub mod dispatch;
pub mod errors;
pub mod events;
pub mod ffi;
pub mod health_log;
pub mod info;
pub mod ini;
pub mod memory;
pub mod monitoring;
pub mod pool_object;
pub mod prefix;
pub mod serialize;
pub mod server_health;
pub mod servers;
pub mod session;
pub mod shared_health;
pub mod stampede;
pub mod user_keys;

use ext_php_rs::prelude::*;

use crate::value::flags;

/// The module version reported by `phpversion('memcache')`: numeric and ≥ 8.2, so composer
/// requirements written for the C extension still pass.
pub const VERSION: &str = "8.2.0";

/// Module startup: INI entries and the hand-registered classes. A panic must not cross into
/// the engine.
pub extern "C" fn startup(_kind: i32, module_number: i32) -> i32 {
    std::panic::set_hook(Box::new(|_| {}));
    let started = std::panic::catch_unwind(|| {
        ini::register(module_number);
        connection::register(module_number);
        session::register();
        // Shown as "PHP Startup: ..." before the engine's "Unable to start memcache module".
        classes::register()
            .map_err(|e| errors::warning(&e.to_string()))
            .is_ok()
    });
    match started {
        Ok(true) => 0,
        _ => -1,
    }
}

/// Request startup: the session key prefix is computed per request.
pub extern "C" fn request_startup(_kind: i32, _module_number: i32) -> i32 {
    match std::panic::catch_unwind(prefix::refresh_session) {
        Ok(()) => 0,
        Err(_) => -1,
    }
}

/// The module definition.
#[php_module]
#[php(startup = "startup")]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    let mut module = module
        .name("memcache")
        .version(VERSION)
        .info_function(info::minfo)
        .request_startup_function(request_startup)
        .constant(("MEMCACHE_COMPRESSED", i64::from(flags::COMPRESSED), &[]))
        .constant(("MEMCACHE_USER1", i64::from(flags::USER1), &[]))
        .constant(("MEMCACHE_USER2", i64::from(flags::USER2), &[]))
        .constant(("MEMCACHE_USER3", i64::from(flags::USER3), &[]))
        .constant(("MEMCACHE_USER4", i64::from(flags::USER4), &[]))
        .constant(("MEMCACHE_HAVE_SESSION", 1i64, &[]));
    for function in classes::functions() {
        module = module.function(function);
    }
    module
}
