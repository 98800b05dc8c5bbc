//! Rooted handles: how a Lisp value lives in Rust code.
//!
//! A [`Value`] is a slot in its interpreter's handle table plus the
//! interpreter's id. The collector marks every occupied slot, so the object
//! stays alive (and in place) until the handle is dropped, however many
//! collections run meanwhile. The table is shared (`Arc<Mutex<..>>`) because
//! `Drop` cannot reach the interpreter: dropping a handle only frees its
//! slot. A handle used with an interpreter other than its own is refused
//! with a panic that says so (the id check), never a read of another heap.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::Mutex;

use crate::gc;

/// The slots behind the handles of one interpreter.
#[derive(Default)]
pub(crate) struct HandleTable {
    slots: Vec<gc::Value>,
    free: Vec<u32>,
}

impl HandleTable {
    /// The values the collector must keep (free slots hold nil).
    pub(crate) fn values(&self) -> &[gc::Value] {
        &self.slots
    }

    fn add(&mut self, v: gc::Value) -> u32 {
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = v;
            i
        } else {
            self.slots.push(v);
            u32::try_from(self.slots.len() - 1).expect("fewer than 2^32 live handles")
        }
    }

    fn release(&mut self, i: u32) {
        self.slots[i as usize] = gc::Value::NIL;
        self.free.push(i);
    }

    /// How many handles are live (for tests and leak checks).
    pub(crate) fn live(&self) -> usize {
        self.slots.len() - self.free.len()
    }
}

pub(crate) type Handles = Arc<Mutex<HandleTable>>;

/// A process-unique interpreter id (0 is never given).
pub(crate) fn next_interp_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A Lisp value held by Rust code: rooted until dropped.
///
/// Values come from evaluation ([`Lisp::eval`](crate::Lisp::eval)),
/// conversion ([`Lisp::value`](crate::Lisp::value)) or host-function
/// arguments, and belong to the interpreter that made them: using one with
/// another interpreter panics. Cloning a handle roots the object once more.
///
/// ```
/// let mut lisp = minilisp::Lisp::new()?;
/// let list = lisp.eval("(list 1 2 3)")?;
/// lisp.gc(); // the list is rooted by its handle
/// assert_eq!(lisp.prin1(&list), "(1 2 3)");
/// # Ok::<(), minilisp::LispError>(())
/// ```
pub struct Value {
    owner: u64,
    slot: u32,
    handles: Handles,
}

impl Value {
    /// Roots `v` in `interp`'s handle table.
    pub(crate) fn new(interp: &crate::interp::Interp, v: gc::Value) -> Value {
        let slot = interp.handles.lock().add(v);
        Value { owner: interp.id, slot, handles: Arc::clone(&interp.handles) }
    }

    /// The rooted value, after checking that `interp` owns this handle.
    ///
    /// # Panics
    /// If the handle belongs to another interpreter.
    pub(crate) fn get(&self, interp: &crate::interp::Interp) -> gc::Value {
        assert!(
            self.owner == interp.id,
            "minilisp: a Value of interpreter #{} was used with interpreter #{}",
            self.owner,
            interp.id
        );
        self.handles.lock().slots[self.slot as usize]
    }
}

impl Clone for Value {
    fn clone(&self) -> Value {
        let mut table = self.handles.lock();
        let v = table.slots[self.slot as usize];
        let slot = table.add(v);
        Value { owner: self.owner, slot, handles: Arc::clone(&self.handles) }
    }
}

impl Drop for Value {
    fn drop(&mut self) {
        self.handles.lock().release(self.slot);
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value(interpreter #{}, handle {})", self.owner, self.slot)
    }
}
