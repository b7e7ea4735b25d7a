<?php
// The row of server ?server ("host:port") in phpinfo()'s "Server health (shared)" table of
// the memcache section, as JSON: [server, State, Failures, Last errno, Probe in (s),
// Recoveries] (tests 371, 372); null if there is no such row.
ob_start();
phpinfo(INFO_MODULES);
$html = ob_get_clean();
$rows = [];
preg_match_all('#<tr[^>]*>(.*?)</tr>#s', $html, $trs);
foreach ($trs[1] as $tr) {
    preg_match_all('#<t[dh][^>]*>(.*?)</t[dh]>#s', $tr, $cells);
    $rows[] = array_map(fn ($c) => trim(html_entity_decode(strip_tags($c))), $cells[1]);
}
$found = null;
foreach ($rows as $row) {
    if (($row[0] ?? null) === $_GET['server']) {
        $found = $row;
    }
}
echo json_encode($found), "\n";
