//! Build script: says which PHP the extension is being built for when that is not PHP 8.2.
//!
//! ext-php-rs generates its Zend bindings for whatever `php` it finds (`$PHP`, else the first
//! `php` on `PATH`). On a machine with several PHP versions that can silently be another one
//! than the PHP 8.2 this extension replaces the C extension of: the module then builds, but
//! PHP 8.2 refuses to load it ("Module compiled with module API=..."), and nothing here was
//! tested against that version. A warning names the PHP found and how to pick another.
//! The plain-Rust core (`--no-default-features`) needs no PHP at all.

use std::env;
use std::process::Command;

/// The PHP version (major.minor) the extension, its tests and its Reflection data target.
const TARGET_PHP: &str = "8.2";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PHP");
    println!("cargo:rerun-if-env-changed=PATH");
    if env::var_os("CARGO_FEATURE_PHP").is_none() {
        return;
    }
    let php = env::var("PHP").unwrap_or_else(|_| "php".to_string());
    // A missing or broken PHP is reported by ext-php-rs's own build script.
    let Ok(output) = Command::new(&php)
        .args([
            "-n",
            "-r",
            "echo PHP_MAJOR_VERSION, '.', PHP_MINOR_VERSION;",
        ])
        .output()
    else {
        return;
    };
    let version = String::from_utf8_lossy(&output.stdout);
    if output.status.success() && version != TARGET_PHP {
        println!(
            "cargo:warning=building for PHP {version} (`{php}`), but this extension targets PHP \
             {TARGET_PHP}: set PHP=/usr/bin/php{TARGET_PHP} to build for it"
        );
    }
}
