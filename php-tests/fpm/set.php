<?php
// One request of the key prefix test (418): a Memcache object on ?host:?port stores ?key => 1
// (with whatever key prefix the memcache.prefix_* settings give). The script does not use
// $_SERVER itself: the extension has to create it (auto_globals_jit) to read SERVER_NAME.
error_reporting(E_ALL & ~E_DEPRECATED); // as the phpt tests: the C extension creates dynamic properties
$m = new Memcache;
$m->addServer($_GET['host'], (int) $_GET['port']);
echo 'set: ', var_export($m->set($_GET['key'], 1), true), "\n";
