//! Buffers: text with a point, as Emacs's `struct buffer`, without text
//! properties, buffer-local variables or undo.
//!
//! A buffer is a host-object cell (type name `buffer`) whose Rust value is
//! a [`Buffer`]; `type-of`, `bufferp` and the printer recognise it. Its
//! state holds characters and integers only, never a Lisp value, so the
//! collector (which does not look inside host objects) needs to know
//! nothing about it. The interpreter keeps the live buffers and the current
//! one in [`Buffers`], which `Interp::collect` marks but a dump does not
//! walk: a dump never carries a buffer unless a variable refers to one,
//! and then it is refused with the path to it, like any host object.
//!
//! Positions are Emacs's: 1-based character positions, `begv..=zv` the
//! accessible part (narrowing), `1..=z` the whole text. The text is a
//! plain `Vec<char>`: insertion and deletion are linear in the size of the
//! buffer, which is fine for the temporary buffers Lisp code builds
//! strings in.
//!
//! Locking: the state sits behind a `parking_lot::Mutex` because host
//! values must be `Sync`. A lock is only ever held for a few statements
//! that neither allocate on the Lisp heap nor evaluate Lisp, so a
//! collection (which drops dead host objects) never runs under it.

use std::sync::Arc;

use parking_lot::{Mutex, MutexGuard};

use crate::gc::Value;
use crate::interp::Interp;

/// The type name of buffer cells (what `type-of` answers).
pub(crate) const TYPE_NAME: &str = "buffer";

/// The Rust value of a buffer object.
pub(crate) struct Buffer {
    state: Mutex<BufferState>,
}

/// What a buffer holds.
pub(crate) struct BufferState {
    /// `None` once the buffer is killed (it prints `#<killed buffer>`).
    pub name: Option<String>,
    pub text: Vec<char>,
    /// Point, and the bounds of the accessible part (1-based).
    pub pt: usize,
    pub begv: usize,
    pub zv: usize,
    /// Internal markers (`save-excursion`, `save-restriction`): positions
    /// that follow insertions and deletions; `None` is a free slot.
    markers: Vec<Option<Marker>>,
}

#[derive(Copy, Clone)]
struct Marker {
    pos: usize,
    /// Advances over text inserted at its position (Emacs's insertion type).
    advances: bool,
}

impl Buffer {
    pub fn new(name: String) -> Buffer {
        Buffer {
            state: Mutex::new(BufferState { name: Some(name), text: Vec::new(), pt: 1, begv: 1, zv: 1, markers: Vec::new() }),
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, BufferState> {
        self.state.lock()
    }
}

impl BufferState {
    /// One past the last position of the whole text (Emacs's `Z`).
    pub fn z(&self) -> usize {
        self.text.len() + 1
    }

    pub fn live(&self) -> bool {
        self.name.is_some()
    }

    /// The character after position `pos` (`pos` in `1..z`).
    pub fn char_at(&self, pos: usize) -> char {
        self.text[pos - 1]
    }

    /// The accessible text.
    pub fn accessible(&self) -> &[char] {
        &self.text[self.begv - 1..self.zv - 1]
    }

    /// Characters `from..to` as a string (positions already checked).
    pub fn substring(&self, from: usize, to: usize) -> String {
        self.text[from - 1..to - 1].iter().collect()
    }

    /// Inserts `s` at `pos` (in `begv..=zv`); point and markers after it
    /// move along, as do point and markers at it that advance. Point at
    /// `pos` advances too (insertion at point leaves point after the text).
    pub fn insert_at(&mut self, pos: usize, s: &[char], point_advances: bool) {
        let n = s.len();
        if n == 0 {
            return;
        }
        self.text.splice(pos - 1..pos - 1, s.iter().copied());
        let shift = |p: usize, advances: bool| if p > pos || (p == pos && advances) { p + n } else { p };
        self.pt = shift(self.pt, point_advances);
        self.zv += n;
        for m in self.markers.iter_mut().flatten() {
            m.pos = shift(m.pos, m.advances);
        }
    }

    /// Deletes `from..to` (ordered, inside the accessible part).
    pub fn delete(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        self.text.drain(from - 1..to - 1);
        let n = to - from;
        let shift = |p: usize| if p >= to { p - n } else if p > from { from } else { p };
        self.pt = shift(self.pt);
        self.zv = shift(self.zv);
        for m in self.markers.iter_mut().flatten() {
            m.pos = shift(m.pos);
        }
    }

    /// Replaces `from..to` (ordered, accessible) by `s` in one move of the
    /// text after it: as `delete` then `insert_at` without advancing point
    /// or markers at `from`.
    pub fn replace(&mut self, from: usize, to: usize, s: &[char]) {
        self.text.splice(from - 1..to - 1, s.iter().copied());
        let (old, new) = (to - from, s.len());
        let shift = |p: usize| if p >= to { p - old + new } else if p > from { from } else { p };
        self.pt = shift(self.pt);
        self.zv = shift(self.zv);
        for m in self.markers.iter_mut().flatten() {
            m.pos = shift(m.pos);
        }
    }

    /// A new internal marker at `pos`; its slot.
    pub fn add_marker(&mut self, pos: usize, advances: bool) -> usize {
        let m = Some(Marker { pos, advances });
        match self.markers.iter().position(Option::is_none) {
            Some(i) => {
                self.markers[i] = m;
                i
            }
            None => {
                self.markers.push(m);
                self.markers.len() - 1
            }
        }
    }

    /// The position of marker `slot`, if it is live.
    pub fn marker(&self, slot: usize) -> Option<usize> {
        self.markers.get(slot).copied().flatten().map(|m| m.pos)
    }

    /// Frees marker `slot`, returning its position (`None` if it was
    /// freed already: Lisp can free any slot with `minilisp--free-marker`).
    pub fn take_marker(&mut self, slot: usize) -> Option<usize> {
        let m = self.markers.get_mut(slot)?.take()?;
        while matches!(self.markers.last(), Some(None)) {
            self.markers.pop();
        }
        Some(m.pos)
    }

    /// Marks the buffer killed and frees its text.
    pub fn kill(&mut self) {
        self.name = None;
        self.text = Vec::new();
        self.pt = 1;
        self.begv = 1;
        self.zv = 1;
        self.markers.clear();
    }
}

/// The interpreter's buffers: the live ones in `buffer-list` order and the
/// current one. Empty until Lisp first touches a buffer, when `*scratch*`
/// is made (Emacs's initial buffer in batch mode), so starts and dumps that
/// use no buffer carry none. Rooted by `Interp::collect`, not by a dump.
pub(crate) struct Buffers {
    /// Live buffer cells, oldest first.
    pub live: Vec<Value>,
    /// The current buffer's cell, or nil before the first use.
    pub current: Value,
    /// The buffer of the last successful buffer search (`match-data`'s
    /// INTEGERS form ends with it), or nil after a string search.
    pub last_searched: Value,
}

impl Default for Buffers {
    fn default() -> Buffers {
        Buffers { live: Vec::new(), current: Value::NIL, last_searched: Value::NIL }
    }
}

impl Buffers {
    /// The values to mark in a collection.
    pub fn roots(&self) -> impl Iterator<Item = Value> + '_ {
        self.live.iter().copied().chain([self.current, self.last_searched])
    }
}

/// The buffer behind `v`, if `v` is a buffer object (live or killed).
pub(crate) fn buffer_of(interp: &Interp, v: Value) -> Option<Arc<Buffer>> {
    if !interp.heap.is_host_object(v) {
        return None;
    }
    Arc::clone(&interp.heap.host_object(v).value).downcast::<Buffer>().ok()
}

/// True if `v` is a buffer object.
pub(crate) fn is_buffer(interp: &Interp, v: Value) -> bool {
    interp.heap.is_host_object(v) && interp.heap.host_object(v).value.downcast_ref::<Buffer>().is_some()
}

/// How the printer shows a buffer: `#<buffer NAME>` or `#<killed buffer>`
/// (with `princ`, the name alone, as in Emacs).
pub(crate) fn print_buffer(interp: &Interp, v: Value, escape: bool) -> Option<String> {
    let b = interp.heap.host_object(v).value.downcast_ref::<Buffer>()?;
    let st = b.lock();
    Some(match (&st.name, escape) {
        (Some(n), true) => format!("#<buffer {n}>"),
        (Some(n), false) => n.clone(),
        (None, _) => "#<killed buffer>".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(text: &str) -> BufferState {
        let b = Buffer::new("t".into());
        let mut st = b.state.into_inner();
        let chars: Vec<char> = text.chars().collect();
        st.insert_at(1, &chars, true);
        st
    }

    #[test]
    fn insertion_moves_point_and_markers_after_it() {
        let mut st = state("abcdef");
        assert_eq!((st.pt, st.zv, st.z()), (7, 7, 7));
        let before = st.add_marker(2, false);
        let at_stays = st.add_marker(4, false);
        let at_advances = st.add_marker(4, true);
        st.pt = 4;
        st.insert_at(4, &['X', 'Y'], true);
        assert_eq!(st.substring(1, st.z()), "abcXYdef");
        assert_eq!((st.pt, st.zv), (6, 9));
        assert_eq!(st.marker(before), Some(2));
        assert_eq!(st.marker(at_stays), Some(4));
        assert_eq!(st.marker(at_advances), Some(6));
    }

    #[test]
    fn deletion_collapses_positions_inside_it() {
        let mut st = state("abcdef");
        let inside = st.add_marker(4, false);
        let after = st.add_marker(6, false);
        st.pt = 5;
        st.delete(2, 5);
        assert_eq!(st.substring(1, st.z()), "aef");
        assert_eq!((st.pt, st.zv), (2, 4));
        assert_eq!(st.marker(inside), Some(2));
        assert_eq!(st.marker(after), Some(3));
        assert_eq!(st.take_marker(inside), Some(2));
        assert_eq!(st.take_marker(inside), None);
    }

    #[test]
    fn a_killed_buffer_keeps_nothing() {
        let mut st = state("abc");
        st.add_marker(2, false);
        st.kill();
        assert!(!st.live());
        assert_eq!((st.text.len(), st.pt, st.zv, st.marker(0)), (0, 1, 1, None));
    }
}
