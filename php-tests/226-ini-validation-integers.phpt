--TEST--
INI: integer directives reject invalid values on ini_set with exact warnings and keep the old value
--FILE--
<?php
include __DIR__ . '/connect.inc';

$cases = [
    ['memcache.max_failover_attempts', '0'], ['memcache.max_failover_attempts', '-1'],
    ['memcache.max_failover_attempts', 'x'], ['memcache.max_failover_attempts', '5'],
    ['memcache.chunk_size', '0'], ['memcache.chunk_size', '-1'], ['memcache.chunk_size', '1k'],
    ['memcache.chunk_size', '8192'],
    ['memcache.redundancy', '0'], ['memcache.redundancy', '2x'], ['memcache.redundancy', '3'],
    ['memcache.session_redundancy', '0'], ['memcache.session_redundancy', '4'],
    ['memcache.compress_threshold', '-1'], ['memcache.compress_threshold', '0'],
    ['memcache.compress_threshold', '100'],
    ['memcache.lock_timeout', '0'], ['memcache.lock_timeout', '-3'], ['memcache.lock_timeout', '30'],
    ['memcache.default_port', '12345'],
    ['memcache.remember_wait', '0'], ['memcache.remember_wait', '-1'], ['memcache.remember_wait', '2s'],
    ['memcache.remember_wait', '2592001'], ['memcache.remember_wait', '2592000'],
    ['memcache.remember_wait', '10'],
];
foreach ($cases as [$k, $v]) {
    echo "$k = '$v': ";
    var_dump(ini_set($k, $v));
    var_dump(ini_get($k));
    ini_restore($k);
}
?>
--EXPECTF--
memcache.max_failover_attempts = '0': 
Warning: ini_set(): memcache.max_failover_attempts must be a positive integer ('0' given) in %s on line %d
bool(false)
string(2) "20"
memcache.max_failover_attempts = '-1': 
Warning: ini_set(): memcache.max_failover_attempts must be a positive integer ('-1' given) in %s on line %d
bool(false)
string(2) "20"
memcache.max_failover_attempts = 'x': 
Warning: ini_set(): memcache.max_failover_attempts must be a positive integer ('x' given) in %s on line %d
bool(false)
string(2) "20"
memcache.max_failover_attempts = '5': string(2) "20"
string(1) "5"
memcache.chunk_size = '0': 
Warning: ini_set(): memcache.chunk_size must be a positive integer ('0' given) in %s on line %d
bool(false)
string(5) "32768"
memcache.chunk_size = '-1': 
Warning: ini_set(): memcache.chunk_size must be a positive integer ('-1' given) in %s on line %d
bool(false)
string(5) "32768"
memcache.chunk_size = '1k': 
Warning: ini_set(): memcache.chunk_size must be a positive integer ('1k' given) in %s on line %d
bool(false)
string(5) "32768"
memcache.chunk_size = '8192': string(5) "32768"
string(4) "8192"
memcache.redundancy = '0': 
Warning: ini_set(): memcache.redundancy must be a positive integer ('0' given) in %s on line %d
bool(false)
string(1) "1"
memcache.redundancy = '2x': 
Warning: ini_set(): memcache.redundancy must be a positive integer ('2x' given) in %s on line %d
bool(false)
string(1) "1"
memcache.redundancy = '3': string(1) "1"
string(1) "3"
memcache.session_redundancy = '0': 
Warning: ini_set(): memcache.redundancy must be a positive integer ('0' given) in %s on line %d
bool(false)
string(1) "2"
memcache.session_redundancy = '4': string(1) "2"
string(1) "4"
memcache.compress_threshold = '-1': 
Warning: ini_set(): memcache.compress_threshold must be a positive integer ('-1' given) in %s on line %d
bool(false)
string(5) "20000"
memcache.compress_threshold = '0': string(5) "20000"
string(1) "0"
memcache.compress_threshold = '100': string(5) "20000"
string(3) "100"
memcache.lock_timeout = '0': 
Warning: ini_set(): memcache.lock_timeout must be a positive integer ('0' given) in %s on line %d
bool(false)
string(2) "15"
memcache.lock_timeout = '-3': 
Warning: ini_set(): memcache.lock_timeout must be a positive integer ('-3' given) in %s on line %d
bool(false)
string(2) "15"
memcache.lock_timeout = '30': string(2) "15"
string(2) "30"
memcache.default_port = '12345': string(5) "11211"
string(5) "12345"
memcache.remember_wait = '0': 
Warning: ini_set(): memcache.remember_wait must be a number of seconds from 1 to 2592000 ('0' given) in %s on line %d
bool(false)
string(1) "3"
memcache.remember_wait = '-1': 
Warning: ini_set(): memcache.remember_wait must be a number of seconds from 1 to 2592000 ('-1' given) in %s on line %d
bool(false)
string(1) "3"
memcache.remember_wait = '2s': 
Warning: ini_set(): memcache.remember_wait must be a number of seconds from 1 to 2592000 ('2s' given) in %s on line %d
bool(false)
string(1) "3"
memcache.remember_wait = '2592001': 
Warning: ini_set(): memcache.remember_wait must be a number of seconds from 1 to 2592000 ('2592001' given) in %s on line %d
bool(false)
string(1) "3"
memcache.remember_wait = '2592000': string(1) "3"
string(7) "2592000"
memcache.remember_wait = '10': string(1) "3"
string(2) "10"
