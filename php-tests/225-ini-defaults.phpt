--TEST--
INI: every memcache.* directive of the C extension, plus this extension's own (session_fail_on_lock_timeout, failure_limit, failover_ttl, failback_flush, max_failed_share, health_log, tls_ca_file, tls_cert_file, tls_key_file, tls_server_name, tls_verify_peer, remember_wait: PHP_INI_ALL; shared_health, shared_health_file: PHP_INI_SYSTEM), exists with its default value and access; shared_health_file, which the harness sets for each test, is unset by default (a php -n child shows it) (fails on Debian 4.0.5.2: no memcache.select_api, no session_fail_on_lock_timeout)
--INI--
memcache.protocol=ascii
--FILE--
<?php
include __DIR__ . '/connect.inc';
var_dump(ini_get_all('memcache', false));
$access = array_unique(array_column(ini_get_all('memcache'), 'access'));
var_dump($access);
// The harness gives every test a health file of its own; without it the directive is unset.
echo 'default shared_health_file: ', shell_exec(escapeshellarg(PHP_BINARY) . ' -n -d extension='
    . escapeshellarg(test_extension_so()) . ' -r ' . escapeshellarg('var_export(ini_get_all("memcache", false)["memcache.shared_health_file"]);')), "\n";
?>
--EXPECTF--
array(35) {
  ["memcache.allow_failover"]=>
  string(1) "1"
  ["memcache.chunk_size"]=>
  string(5) "32768"
  ["memcache.compress_threshold"]=>
  string(5) "20000"
  ["memcache.default_port"]=>
  string(5) "11211"
  ["memcache.failback_flush"]=>
  string(4) "auto"
  ["memcache.failover_ttl"]=>
  string(1) "0"
  ["memcache.failure_limit"]=>
  string(1) "1"
  ["memcache.hash_function"]=>
  string(5) "crc32"
  ["memcache.hash_strategy"]=>
  string(10) "consistent"
  ["memcache.health_log"]=>
  string(1) "0"
  ["memcache.lock_timeout"]=>
  string(2) "15"
  ["memcache.max_failed_share"]=>
  string(3) "100"
  ["memcache.max_failover_attempts"]=>
  string(2) "20"
  ["memcache.prefix_host_key"]=>
  string(1) "0"
  ["memcache.prefix_host_key_remove_subdomain"]=>
  string(1) "0"
  ["memcache.prefix_host_key_remove_www"]=>
  string(1) "1"
  ["memcache.prefix_static_key"]=>
  NULL
  ["memcache.protocol"]=>
  string(5) "ascii"
  ["memcache.redundancy"]=>
  string(1) "1"
  ["memcache.remember_wait"]=>
  string(1) "3"
  ["memcache.select_api"]=>
  string(6) "select"
  ["memcache.session_fail_on_lock_timeout"]=>
  string(1) "1"
  ["memcache.session_prefix_host_key"]=>
  string(1) "0"
  ["memcache.session_prefix_host_key_remove_subdomain"]=>
  string(1) "0"
  ["memcache.session_prefix_host_key_remove_www"]=>
  string(1) "1"
  ["memcache.session_prefix_static_key"]=>
  NULL
  ["memcache.session_redundancy"]=>
  string(1) "2"
  ["memcache.session_save_path"]=>
  NULL
  ["memcache.shared_health"]=>
  string(1) "1"
  ["memcache.shared_health_file"]=>
  string(%d) "%s/health"
  ["memcache.tls_ca_file"]=>
  NULL
  ["memcache.tls_cert_file"]=>
  NULL
  ["memcache.tls_key_file"]=>
  NULL
  ["memcache.tls_server_name"]=>
  NULL
  ["memcache.tls_verify_peer"]=>
  string(1) "1"
}
array(2) {
  [0]=>
  int(7)
  [28]=>
  int(4)
}
default shared_health_file: NULL
