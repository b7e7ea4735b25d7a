--TEST--
A server that answers a get with a value flagged compressed whose 1.2 MB zlib stream inflates to 256 MB, more than memory_limit (64M) lets PHP hold, under the suite run's protocol: "Failed to uncompress data" and false, inflating stops at what memory_limit leaves (peak RSS grows by less than 64 MB + 16 MB), the script goes on; the C extension (ascii under meta: it has no meta) inflates until memory is exhausted
--SKIPIF--
<?php include __DIR__ . '/connect.inc'; ?>
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
memory_limit=64M
--FILE--
<?php
include __DIR__ . '/connect.inc';
include __DIR__ . '/hostile.inc';

$run = <<<'PHP'
function run_case(): void
{
    $fake = hostile_start('zlib_bomb', ['claim' => '256']);
    $m = new Memcache;
    $m->addServer('127.0.0.1', $fake['port'], false, 1, 5.0);
    hostile_reset_peak();
    $rss = hostile_rss();
    [$r, $errors] = test_collect_errors(fn() => $m->get('k'));
    $grown = (hostile_peak_rss() - $rss) >> 20;
    echo '  get: ', var_export($r, true), ', ', $grown < 80 ? 'peak RSS +<80 MB' : "peak RSS +$grown MB", "\n";
    foreach ($errors as $e) {
        echo '  ', $e, "\n";
    }
    echo '  status after: ', $m->getServerStatus('127.0.0.1', $fake['port']), "\n";
    fm_kill($fake['pid']);
}
PHP;
eval($run);

// Under the suite run's protocol (make test runs the suite under each): ours, then the C
// extension's, which speaks ascii under meta (the bomb is in the value, the same in any protocol).
ob_start();
run_case();
$c = c_extension_protocol();
echo '  C extension', $c === test_protocol() ? '' : " ($c: it has no meta)", ': ',
    hostile_c_result(hostile_run_c("ini_set('memory_limit', '64M');\n$run\nrun_case();\n", $c, 10.0), 10.0);
$outcomes = ob_get_clean();

$ascii = <<<'TEXT'
  get: false, peak RSS +<80 MB
  Notice: MemcachePool::get(): Failed to uncompress data
  status after: 1
  C extension: fatal error, memory exhausted
TEXT;
$binary = <<<'TEXT'
  get: false, peak RSS +<80 MB
  Notice: MemcachePool::get(): Failed to uncompress data
  status after: 1
  C extension: fatal error, memory exhausted
TEXT;
$meta = <<<'TEXT'
  get: false, peak RSS +<80 MB
  Notice: MemcachePool::get(): Failed to uncompress data
  status after: 1
  C extension (ascii: it has no meta): fatal error, memory exhausted
TEXT;
check_output_per_protocol("the outcome under this run's protocol", $outcomes, $ascii, $binary, $meta);
?>
--EXPECT--
the outcome under this run's protocol: ok
