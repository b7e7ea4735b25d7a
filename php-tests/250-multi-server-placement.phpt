--TEST--
Two-server pool: each key is stored on exactly the server findServer() names (checked with single-server clients and a raw socket)
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
include __DIR__ . '/connect.inc';

function raw_get($h, $p, $key) {
    return test_raw_get($key, "tcp://$h:$p");
}

$pool = test_connect_pool();
$one = test_connect1();
$two = new Memcache;
$two->addServer($host2, $port2);
$servers = ["$host:$port" => [$one, $host, $port], "$host2:$port2" => [$two, $host2, $port2]];

$count = ["$host:$port" => 0, "$host2:$port2" => 0];
$stored = 0; $ok = 0; $rawOk = 0; $absent = 0;
for ($i = 0; $i < 40; $i++) {
    $k = "250_key_$i";
    if ($pool->set($k, "value $i")) $stored++;
    $where = $pool->findServer($k);
    $count[$where]++;
    [$client, $h, $p] = $servers[$where];
    if ($client->get($k) === "value $i") $ok++;
    if (raw_get($h, $p, $k) === [0, "value $i"]) $rawOk++;
    foreach ($servers as $name => [$other, $oh, $op]) {
        if ($name !== $where && $other->get($k) === false && raw_get($oh, $op, $k) === null) $absent++;
    }
}
var_dump($stored, $ok, $rawOk, $absent);
var_dump($count["$host:$port"] > 0, $count["$host2:$port2"] > 0);

// typed values land with their flags on the named server
$pool->set('250_int', 42);
$pool->set('250_arr', ['a' => 1]);
foreach (['250_int', '250_arr'] as $k) {
    [, $h, $p] = $servers[$pool->findServer($k)];
    var_dump(raw_get($h, $p, $k));
}

// a single-server write is found by the pool only if the pool maps the key to that server
$hits = 0; $misses = 0;
for ($i = 0; $i < 20; $i++) {
    $k = "250_direct_$i";
    $one->set($k, 'direct');
    $pool->get($k) === 'direct' ? $hits++ : $misses++;
    $expect = $pool->findServer($k) === "$host:$port" ? 'direct' : false;
    if ($pool->get($k) !== $expect) echo "mismatch for $k\n";
    $one->delete($k);
}
var_dump($hits + $misses, $hits > 0, $misses > 0);

for ($i = 0; $i < 40; $i++) $pool->delete("250_key_$i");
$pool->delete('250_int'); $pool->delete('250_arr');
?>
--EXPECT--
int(40)
int(40)
int(40)
int(40)
bool(true)
bool(true)
array(2) {
  [0]=>
  int(768)
  [1]=>
  string(2) "42"
}
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(18) "a:1:{s:1:"a";i:1;}"
}
int(20)
bool(true)
bool(true)
