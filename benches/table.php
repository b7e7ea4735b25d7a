<?php
/*
 * Prints the table of `make bench` from the files scripts/bench.sh collected in DIR:
 *   DIR/LABEL.ROUND.tsv   output of one bench.php round (LABEL: ours, c, memcached)
 *   DIR/LABEL.desc        one line saying what LABEL ran
 *   DIR/cpu               the CPU everything was pinned to, or "none"
 *
 *   php -n benches/table.php DIR
 *
 * A cell is the best (highest) result over the rounds: interference from other processes only
 * ever slows a round down, so the best round is the most repeatable estimate of what the
 * client costs. "error" if any operation returned a wrong result, "-" if that extension
 * produced no result (crashed or missing).
 */

$dir = $argv[1] ?? '';
$columns = ['ours' => 'ours ops/s', 'c' => 'C memcache ops/s', 'memcached' => 'memcached ops/s'];

$titles = [];   // workload id => title, in bench order
$samples = [];  // [label][workload id] => list of ops/s
$wrong = [];    // [label][workload id] => total wrong results
$rounds = [];
foreach (array_keys($columns) as $label) {
    foreach (glob("$dir/$label.*.tsv") ?: [] as $file) {
        $rounds[$label] = ($rounds[$label] ?? 0) + 1;
        foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
            [$id, $title, $ops, $bad] = explode("\t", $line);
            $titles[$id] = $title;
            $samples[$label][$id][] = (float) $ops;
            $wrong[$label][$id] = ($wrong[$label][$id] ?? 0) + (int) $bad;
        }
    }
}

/** Best ops/s of $label on workload $id, or null when there is no valid result. */
function cell(string $label, string $id): ?float
{
    global $samples, $wrong;
    if (empty($samples[$label][$id]) || $wrong[$label][$id] > 0) {
        return null;
    }
    return max($samples[$label][$id]);
}

function show(string $label, string $id): string
{
    global $samples, $wrong;
    if (empty($samples[$label][$id])) {
        return '-';
    }
    return $wrong[$label][$id] > 0 ? 'error' : number_format(cell($label, $id));
}

echo "Operations per second, higher is better: best of the rounds below; each measurement\n";
echo "runs for BENCH_SECONDS or BENCH_MAX_ITER operations, whichever comes first.\n";
foreach ($columns as $label => $header) {
    $desc = trim((string) @file_get_contents("$dir/$label.desc"));
    printf("  %-17s %s [%d rounds]\n", rtrim(str_replace('ops/s', '', $header)) . ':', $desc,
        $rounds[$label] ?? 0);
}
$cpu = trim((string) @file_get_contents("$dir/cpu"));
echo $cpu === 'none' ? "Processes not pinned to a CPU: expect noise.\n"
    : "memcached servers and PHP all pinned to CPU $cpu (taskset).\n";
echo "multi-get: 1 op = one call fetching 100 keys; set+get array: 1 op = one set and one get.\n";
echo "ours/C above 1.00 means ours is faster than the C extension.\n\n";

$rows = [];
// Ours against ours: [workload id prefix, the baseline's prefix] => rows.
$comparisons = [['tls', 'tcp'], ['meta', 'ascii']];
$comparisonRows = [];
foreach ($titles as $id => $title) {
    foreach ($comparisons as $i => [$prefix, $baseline]) {
        if (str_starts_with($id, "$prefix.")) {
            $base = $baseline . substr($id, strlen($prefix));
            $value = cell('ours', $id);
            $reference = cell('ours', $base);
            $comparisonRows[$i][] = [$title, show('ours', $id), show('ours', $base),
                $value !== null && $reference ? sprintf('%.2f', $value / $reference) : '-'];
        }
    }
    if (str_contains($id, '.')) {
        continue;
    }
    $ours = cell('ours', $id);
    $c = cell('c', $id);
    $rows[] = [$title, show('ours', $id), show('c', $id), show('memcached', $id),
        $ours !== null && $c ? sprintf('%.2f', $ours / $c) : '-'];
}
/** Prints a table: the first column left-aligned, the others right-aligned. */
function table(array $head, array $rows): void
{
    $widths = array_map(fn($i) => max(array_map('strlen', array_column([$head, ...$rows], $i))),
        array_keys($head));
    $line = function (array $cells) use ($widths): string {
        $out = [];
        foreach ($cells as $i => $cell) {
            $out[] = $i === 0 ? str_pad($cell, $widths[$i]) : str_pad($cell, $widths[$i], ' ', STR_PAD_LEFT);
        }
        return implode(' | ', $out) . "\n";
    };
    echo $line($head);
    echo implode('-+-', array_map(fn($w) => str_repeat('-', $w), $widths)), "\n";
    foreach ($rows as $row) {
        echo $line($row);
    }
}

table(['workload', ...array_values($columns), 'ours/C'], $rows);
if (isset($comparisonRows[0])) {
    echo "\nTLS (ours only: the other extensions have none), to one memcached listening both ways;\n";
    echo "TLS/plain below 1.00 is what encryption costs.\n\n";
    table(['workload', 'ours TLS ops/s', 'ours plain ops/s', 'TLS/plain'], $comparisonRows[0]);
}
if (isset($comparisonRows[1])) {
    echo "\nmemcache.protocol=meta against ascii (ours only: the other extensions have no meta), on\n";
    echo "the three servers; meta/ascii above 1.00 means meta is faster.\n\n";
    table(['workload', 'ours meta ops/s', 'ours ascii ops/s', 'meta/ascii'], $comparisonRows[1]);
}
