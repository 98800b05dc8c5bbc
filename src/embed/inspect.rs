//! Read-only views of an interpreter's state for tests, fuzz harnesses
//! and debugging: everything comes out printed, never as a raw value.

use super::Lisp;
use crate::gc::SymFlags;

/// One slot of an interpreter's symbol table with its cells as `prin1`
/// prints them (see [`Lisp::symbols`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SymbolCells {
    /// The symbol's name (empty for a free slot).
    pub name: String,
    /// In the obarray (`intern` finds it); false for `make-symbol`'s.
    pub interned: bool,
    /// A free slot: an uninterned symbol that was collected (its cells
    /// are void and nil).
    pub free: bool,
    /// The printed value, or `None` for a void variable.
    pub value: Option<String>,
    /// The printed function cell (`nil` when it has none).
    pub function: String,
    /// The printed property list.
    pub plist: String,
}

impl Lisp {
    /// Every slot of the symbol table, interned symbols and uninterned
    /// ones alike, each with its value, function and property list
    /// printed. Printing walks every object reachable from a symbol, so
    /// this is a quick way to touch a whole heap (a loaded dump, say)
    /// without evaluating anything; it allocates nothing in the heap.
    ///
    /// ```
    /// let mut lisp = minilisp::Lisp::bare();
    /// lisp.eval("(setq inspected (list 1 \"two\" 3.0))")?;
    /// let s = lisp.symbols().find(|s| s.name == "inspected").unwrap();
    /// assert_eq!(s.value.as_deref(), Some("(1 \"two\" 3.0)"));
    /// assert!(s.interned && !s.free);
    /// assert_eq!(s.function, "nil");
    /// # Ok::<(), minilisp::LispError>(())
    /// ```
    pub fn symbols(&self) -> impl Iterator<Item = SymbolCells> + '_ {
        let table = &self.m.heap.symbols;
        (0..table.syms.len()).map(move |i| {
            let s = &table.syms[i];
            SymbolCells {
                name: table.name(i as u32).to_owned(),
                interned: s.flags.contains(SymFlags::INTERNED),
                free: s.flags.contains(SymFlags::FREE),
                value: (!s.value.is_unbound()).then(|| self.m.prin1_to_string(s.value)),
                function: self.m.prin1_to_string(s.function),
                plist: self.m.prin1_to_string(s.plist),
            }
        })
    }
}
