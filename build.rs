//! Build script: makes sure the extension is built for one PHP, the one asked for, and tells
//! the crate which (`php --ri memcache` shows it).
//!
//! ext-php-rs generates its Zend bindings from two programs: `$PHP` (else the first `php` on
//! `PATH`) for the version and API number, and `$PHP_CONFIG` (else the first `php-config`) for
//! the headers. On a machine with several PHP versions these can silently be two different
//! ones, and the result would then match neither. So the build fails when they disagree, and
//! when `MEMCACHE_PHP_VERSION` (the Makefile sets it from `PHP_VERSION`) names another version
//! than theirs: the built file's name (`modules/php<version>/memcache.so`) must not lie.
//! A version the project does not test gets a warning. An extension built for one PHP and
//! loaded into another is refused by PHP itself ("Module compiled with module API=...").
//! The plain-Rust core (`--no-default-features`) needs no PHP at all.

use std::env;
use std::process::{exit, Command};

/// The PHP versions (major.minor) the test suite runs against (README: Supported PHP versions).
const TESTED_PHP: [&str; 2] = ["8.2", "8.4"];

/// The stdout of a successful run of `program args`, trimmed; `None` if it cannot run or fails.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    exit(1);
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for name in ["PHP", "PHP_CONFIG", "PATH", "MEMCACHE_PHP_VERSION"] {
        println!("cargo:rerun-if-env-changed={name}");
    }
    if env::var_os("CARGO_FEATURE_PHP").is_none() {
        return;
    }
    let php = env::var("PHP").unwrap_or_else(|_| "php".to_string());
    let php_config = env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".to_string());
    // A missing or broken PHP is reported by ext-php-rs's own build script.
    let Some(version) = output_of(&php, &["-n", "-r", "echo PHP_VERSION;"]) else {
        return;
    };
    let Some(config_version) = output_of(&php_config, &["--version"]) else {
        return;
    };
    if version != config_version {
        fail(&format!(
            "PHP=`{php}` is PHP {version} but PHP_CONFIG=`{php_config}` is PHP {config_version}: \
             the bindings would mix two PHPs; set both to the same PHP (make does: PHP_VERSION=...)"
        ));
    }
    let minor = version.split('.').take(2).collect::<Vec<_>>().join(".");
    if let Ok(wanted) = env::var("MEMCACHE_PHP_VERSION") {
        if wanted != minor {
            fail(&format!(
                "PHP_VERSION={wanted}, but PHP=`{php}` is PHP {version}: \
                 drop PHP/PHP_CONFIG or point them at PHP {wanted}"
            ));
        }
    }
    if !TESTED_PHP.contains(&minor.as_str()) {
        println!(
            "cargo:warning=building for PHP {version} (`{php}`), which this project does not \
             test (it tests PHP {}): set PHP and PHP_CONFIG to pick another",
            TESTED_PHP.join(" and ")
        );
    }
    println!("cargo:rustc-env=MEMCACHE_BUILD_PHP_VERSION={version}");
}
