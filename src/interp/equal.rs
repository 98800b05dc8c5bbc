//! `eq`, `eql`, `equal` and the hash functions that agree with them.
//! (Placeholder being completed.)

use super::{Interp, LResult};
use crate::gc::Value;

impl Interp {
    /// `(eql A B)`: `eq`, or numbers of the same type and value.
    pub fn eql(&self, a: Value, b: Value) -> bool {
        a == b
    }

    /// `(equal A B)`: structural equality; may signal on circular or too deep structure.
    pub fn equal(&mut self, a: Value, b: Value) -> LResult<bool> {
        Ok(a == b)
    }
}
