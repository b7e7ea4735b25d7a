--TEST--
INI: the extension, memcache_rs.ini, php --ri memcache, the stub, the README and docs/configuration.md list the same memcache.* directives, with the same defaults where they give one; memcache_rs.ini with every directive uncommented loads without a warning and gives the defaults
--DESCRIPTION--
The extension is the reference: ini_get_all('memcache') in a separate `php -n` with only the
extension (the harness sets memcache.shared_health_file for each test). Each other source is
read from the repository:
- memcache_rs.ini: the commented lines `;memcache.NAME = DEFAULT` (each name once);
- php --ri memcache: the rows of the directive table;
- stubs/memcache.stub.php: the docblock lines `memcache.NAME [DEFAULT]`;
- README.md: the directive names of its "## Configuration" section;
- docs/configuration.md: the table rows `| memcache.NAME | DEFAULT |`.
"unset" and an empty default stand for a directive without value (NULL). Then every
`;memcache.` line of memcache_rs.ini is uncommented (its extension line pointing at the .so under
test) and loaded with `php -n -c`: no output on stderr, and the values are the defaults.
Each mismatch is printed on its own line.
--FILE--
<?php
include __DIR__ . '/connect.inc';
$repo = dirname(__DIR__);
$so = test_extension_so();
$php = escapeshellarg(PHP_BINARY);

/** Runs PHP code in a fresh `php -n` with the extension under test; returns [stdout, stderr]. */
function run_php(array $args, string $code): array
{
    $proc = proc_open(array_merge([PHP_BINARY, '-n'], $args, ['-r', $code]),
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    proc_close($proc);
    return [$out, $err];
}

$dump = 'echo json_encode(array_map(fn($e) => $e["global_value"], ini_get_all("memcache")));';
[$json] = run_php(['-d', "extension=$so"], $dump);
$extension = array_map(fn($v) => $v ?? '', json_decode($json, true));
ksort($extension);

$sources = [];

$ini = file_get_contents("$repo/memcache_rs.ini");
preg_match_all('/^;(memcache\.[a-z_]+) =(?: (.*))?$/m', $ini, $m, PREG_SET_ORDER);
$sources['memcache_rs.ini'] = [];
foreach ($m as $line) {
    if (isset($sources['memcache_rs.ini'][$line[1]])) {
        echo "memcache_rs.ini: {$line[1]} twice\n";
    }
    $sources['memcache_rs.ini'][$line[1]] = $line[2] ?? '';
}

$ri = (string) shell_exec("$php -n -d extension=" . escapeshellarg($so) . ' --ri memcache');
preg_match_all('/^(memcache\.[a-z_]+) => /m', $ri, $m);
$sources['php --ri memcache'] = array_fill_keys($m[1], null);

$stub = file_get_contents("$repo/stubs/memcache.stub.php");
preg_match_all('/^ \*   (memcache\.[a-z_]+) \[([^\]]*)\]/m', $stub, $m, PREG_SET_ORDER);
$sources['stub'] = [];
foreach ($m as $line) {
    $sources['stub'][$line[1]] = $line[2] === 'unset' ? '' : $line[2];
}

$readme = file_get_contents("$repo/README.md");
preg_match('/^## Configuration\n(.*?)^## /ms', $readme, $section);
preg_match_all('/`(memcache\.[a-z_]+)`/', $section[1] ?? '', $m);
$sources['README'] = array_fill_keys($m[1], null);

$docs = file_get_contents("$repo/docs/configuration.md");
preg_match_all('/^\| `(memcache\.[a-z_]+)` \| (?:`([^`]*)`|unset) \|/m', $docs, $m, PREG_SET_ORDER);
$sources['docs/configuration.md'] = [];
foreach ($m as $line) {
    $sources['docs/configuration.md'][$line[1]] = $line[2] ?? '';
}

$mismatches = [];
foreach ($sources as $source => $entries) {
    foreach (array_diff_key($extension, $entries) as $name => $_) {
        $mismatches[] = "$source: $name is missing";
    }
    foreach (array_diff_key($entries, $extension) as $name => $_) {
        $mismatches[] = "$source: $name is not a directive of the extension";
    }
    foreach ($entries as $name => $default) {
        if ($default !== null && isset($extension[$name]) && $default !== $extension[$name]) {
            $mismatches[] = "$source: $name defaults to '$default', the extension to '{$extension[$name]}'";
        }
    }
}

// Every directive uncommented: a valid ini file that sets the defaults.
$all = preg_replace(['/^;(memcache\.[a-z_]+ =)/m', '/^extension=memcache_rs\.so$/m'],
    ['$1', 'extension=' . $so], $ini);
$file = tempnam(sys_get_temp_dir(), 'memcache-rs-ini');
file_put_contents($file, $all);
[$json, $errors] = run_php(['-c', $file, '-d', 'display_startup_errors=1', '-d', 'error_reporting=-1'], $dump);
unlink($file);
if ($errors !== '') {
    $mismatches[] = "memcache_rs.ini with every directive uncommented: $errors";
}
$loaded = array_map(fn($v) => $v ?? '', json_decode($json, true) ?: []);
ksort($loaded);
if ($loaded !== $extension) {
    $mismatches[] = 'memcache_rs.ini with every directive uncommented sets: ' . json_encode(array_diff_assoc($loaded, $extension));
}

echo count($extension) >= 34 ? 'directives: at least 34' : 'directives: ' . count($extension), "\n";
echo $mismatches ? implode("\n", $mismatches) : 'OK', "\n";
?>
--EXPECT--
directives: at least 34
OK
