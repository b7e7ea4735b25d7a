//! Emulations of C and PHP that the C extension's behaviour rests on, each written once, tested
//! against the real thing and fuzzed (`fuzz/fuzz_targets/compat_*.rs`), so the rest of the code
//! never re-implements them: how numbers are written (decimal integers, PHP's `%.14g`) and read
//! (C's `strtol` and `sscanf("%lg")`, PHP's string to number conversions), and PHP's URL parser.
//! Plain Rust, no PHP needed.

pub mod decimal;
pub mod php_number;
pub mod php_url;
pub mod printf;
pub mod sscanf;
pub mod strtol;
