//! A request written in place: the longest form of a request (a text or meta command line, a
//! binary frame) is reserved once, then its fields go straight into the output buffer's spare
//! capacity, with no capacity check per field and numbers written where they belong instead
//! of through a scratch buffer. Every protocol's encoders of keyed requests use it.

use std::mem::MaybeUninit;

use crate::compat::decimal;

/// One request being appended to an output buffer; [`Line::finish`] makes its bytes part of
/// the buffer (a line dropped unfinished leaves the buffer as it was).
pub(crate) struct Line<'o> {
    out: &'o mut Vec<u8>,
    /// Bytes written past the buffer's length so far, all initialised.
    written: usize,
}

impl<'o> Line<'o> {
    /// Starts a request of at most `longest` bytes at the end of `out`. Writing more panics.
    #[inline]
    pub(crate) fn new(out: &'o mut Vec<u8>, longest: usize) -> Self {
        out.reserve(longest);
        Line { out, written: 0 }
    }

    /// The spare capacity not written yet.
    #[inline]
    fn spare(&mut self) -> &mut [MaybeUninit<u8>] {
        &mut self.out.spare_capacity_mut()[self.written..]
    }

    /// Appends `bytes`. From 4 to 32 bytes (a key, a short value) as two overlapping
    /// fixed-size copies instead of a call to `memcpy`; none (a frame's missing extras or
    /// value) without one.
    #[inline]
    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        let len = bytes.len();
        let spare = &mut self.spare()[..len];
        // The usual lengths first (a key: 8 to 16 bytes), in this order.
        if len == 0 {
        } else if (8..=16).contains(&len) {
            overlapping_copies::<8>(spare, bytes);
        } else if (4..=7).contains(&len) {
            overlapping_copies::<4>(spare, bytes);
        } else if (17..=32).contains(&len) {
            overlapping_copies::<16>(spare, bytes);
        } else {
            // SAFETY: `MaybeUninit<u8>` has the layout of `u8`, and initialised bytes are
            // valid values of it; the slice is only read.
            let source = unsafe { &*(std::ptr::from_ref(bytes) as *const [MaybeUninit<u8>]) };
            spare.copy_from_slice(source);
        }
        self.written += len;
    }

    /// Appends the first `len` bytes of `word` by copying all of it: one fixed-size copy
    /// instead of a call for a few bytes. The spare capacity must hold all of `word`.
    #[inline]
    pub(crate) fn word<const N: usize>(&mut self, word: &[u8; N], len: usize) {
        assert!(len <= N);
        let spare: &mut [MaybeUninit<u8>; N] = (&mut self.spare()[..N])
            .try_into()
            .expect("a slice of N bytes");
        *spare = word.map(MaybeUninit::new);
        self.written += len;
    }

    /// Appends one byte.
    #[inline]
    pub(crate) fn byte(&mut self, byte: u8) {
        self.spare()[0].write(byte);
        self.written += 1;
    }

    /// Appends `n` in decimal.
    #[inline(always)]
    pub(crate) fn number(&mut self, n: u64) {
        let len = decimal::write_unsigned(self.spare(), n);
        self.written += len;
    }

    /// Makes the bytes written part of the buffer.
    #[inline]
    pub(crate) fn finish(self) {
        let len = self.out.len() + self.written;
        // SAFETY: every method above initialised the spare bytes it counted in `written`
        // (`word` more of them), all within the capacity (slicing the spare capacity checks).
        unsafe { self.out.set_len(len) };
    }
}

/// Copies `bytes` (from `N` to `2 * N` of them) into `spare`, of the same length, as its first
/// and its last `N` bytes.
#[inline(always)]
fn overlapping_copies<const N: usize>(spare: &mut [MaybeUninit<u8>], bytes: &[u8]) {
    let len = bytes.len();
    spare[..N].copy_from_slice(&uninit(first::<N>(bytes)));
    spare[len - N..].copy_from_slice(&uninit(first::<N>(&bytes[len - N..])));
}

/// The first `N` bytes of `bytes`, which has at least that many.
#[inline(always)]
fn first<const N: usize>(bytes: &[u8]) -> [u8; N] {
    bytes[..N].try_into().expect("N bytes")
}

/// `bytes` as initialised spare capacity.
#[inline(always)]
fn uninit<const N: usize>(bytes: [u8; N]) -> [MaybeUninit<u8>; N] {
    bytes.map(MaybeUninit::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_each_other_after_what_the_buffer_held() {
        let mut out = b"before ".to_vec();
        let mut line = Line::new(&mut out, 64);
        line.word(b"set     ", 4);
        line.bytes(b"key");
        line.byte(b' ');
        line.number(0);
        line.byte(b' ');
        line.number(u64::MAX);
        line.bytes(b"\r\n");
        line.finish();
        assert_eq!(out, b"before set key 0 18446744073709551615\r\n");
    }

    #[test]
    fn bytes_of_every_short_length_are_copied_whole() {
        let source: Vec<u8> = (1..=40).collect();
        for len in 0..=source.len() {
            let mut out = b"<".to_vec();
            let mut line = Line::new(&mut out, len + 1);
            line.bytes(&source[..len]);
            line.byte(b'>');
            line.finish();
            let mut expected = b"<".to_vec();
            expected.extend_from_slice(&source[..len]);
            expected.push(b'>');
            assert_eq!(out, expected, "{len}");
        }
    }

    #[test]
    fn an_unfinished_line_leaves_the_buffer_as_it_was() {
        let mut out = b"kept".to_vec();
        {
            let mut line = Line::new(&mut out, 16);
            line.bytes(b"dropped");
        }
        assert_eq!(out, b"kept");
    }

    #[test]
    #[should_panic]
    fn writing_more_than_was_reserved_panics() {
        let mut out = Vec::new();
        let mut line = Line::new(&mut out, 4);
        let capacity = line.out.capacity();
        line.bytes(&vec![b'x'; capacity + 1]);
    }
}
