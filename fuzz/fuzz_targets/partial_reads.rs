//! Shared by the exchange targets: feeds a reply reader as the poll loop does.

use memcache::net::ReplyReader;

/// Shows `reader` a window over `data` that grows by `step` bytes at a time, like partial
/// reads, keeping what it did not consume; stops once it reports completion or an error (the
/// poll loop feeds it no more then). Checks that it never consumes more than it was shown.
pub fn feed(reader: &mut dyn ReplyReader, data: &[u8], step: usize) {
    let (mut start, mut end) = (0, 0);
    while end < data.len() {
        end = (end + step).min(data.len());
        match reader.read(&data[start..end]) {
            Ok(progress) => {
                assert!(progress.consumed <= end - start);
                start += progress.consumed;
                if progress.done {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}
