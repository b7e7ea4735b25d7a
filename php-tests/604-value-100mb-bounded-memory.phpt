--TEST--
A 100 MB value (incompressible) stored and read back (under the suite's protocol), from a memcached that takes items that large (-I 128m): the set and the get each raise the process's peak RSS by at most 2.5 times the value (the extension's buffers live outside PHP's allocator, so RSS is the measure that sees them), PHP's own heap by at most the result; the C extension reads it back the same
--SKIPIF--
<?php include __DIR__ . '/connect.inc'; ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memory_limit=1G
memcache.compress_threshold=0
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/hostile.inc';

$size = 100 << 20;
$server = test_memcached_start(0, ['-m', '256', '-I', '128m']);
// Random 1 MB blocks: incompressible, and a few seconds cheaper to make than 100 MB of random_bytes().
$value = str_repeat(random_bytes(1 << 20), 100);

/** Runs $fn and returns [its result, peak RSS growth, PHP heap peak growth], in bytes. */
function measured(callable $fn): array
{
    hostile_reset_peak();
    memory_reset_peak_usage();
    $rss = hostile_rss();
    $heap = memory_get_usage();
    $result = $fn();
    return [$result, hostile_peak_rss() - $rss, memory_get_peak_usage() - $heap];
}

function bounded(string $what, int $bytes, float $multiple, int $size): string
{
    return $bytes <= $multiple * $size ? "$what <= {$multiple}x"
        : sprintf('%s %.2fx (more than %sx)', $what, $bytes / $size, $multiple);
}

$m = new Memcache;
$m->addServer('127.0.0.1', $server['port'], false, 1, 5.0);
[$stored, $rss, $heap] = measured(fn() => $m->set('big', $value));
echo 'set: ', var_export($stored, true), ', ', bounded('peak RSS', $rss, 2.5, $size), ', ',
    bounded('PHP heap', $heap, 0.1, $size), "\n";
[$read, $rss, $heap] = measured(fn() => $m->get('big'));
echo 'get: ', var_export($read === $value, true), ', ', bounded('peak RSS', $rss, 2.5, $size), ', ',
    bounded('PHP heap', $heap, 1.1, $size), "\n";
unset($read);
$c = run_with_c_extension('error_reporting(E_ALL & ~E_DEPRECATED); ini_set("memory_limit", "1G"); $m = new Memcache; $m->addServer("127.0.0.1", ' . $server['port'] . ', false, 1, 5.0);'
    . ' echo md5((string) $m->get("big"));', c_extension_protocol());
echo 'C extension reads it back: ', $c === md5($value) ? 'yes' : $c, "\n";
test_memcached_stop($server);
?>
--EXPECT--
set: true, peak RSS <= 2.5x, PHP heap <= 0.1x
get: true, peak RSS <= 2.5x, PHP heap <= 1.1x
C extension reads it back: yes
