<?php
/*
 * Appended to every test by `make memcheck` (auto_append_file). Without Zend's allocator
 * (USE_ZEND_ALLOC=0), PHP itself reports every object still in a reference cycle at the end of
 * a request as a definite leak: shutdown releases the object store without freeing the
 * objects' memory, which only the allocator's teardown would return. So, once the test's own
 * shutdown functions have run (they may still need its globals), this drops the globals and
 * collects the cycles: what valgrind reports as lost after that was really leaked, by PHP or
 * by the extension (a reference the extension never released keeps its object alive).
 */
register_shutdown_function(function (): void {
    foreach (array_keys($GLOBALS) as $name) {
        if ($name !== 'GLOBALS') {
            unset($GLOBALS[$name]);
        }
    }
    gc_collect_cycles();
});
