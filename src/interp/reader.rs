//! The reader: Emacs Lisp text to values. (Placeholder being completed.)

use super::{Interp, LResult};
use crate::gc::Value;

pub struct Reader<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(src: &'a str) -> Reader<'a> {
        Reader { src, pos: 0 }
    }

    /// Byte offset of the next unread character.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Reads the next datum; `None` at the end of the text.
    pub fn read(&mut self, _interp: &mut Interp) -> LResult<Option<Value>> {
        let _ = self.src;
        Ok(None)
    }
}
