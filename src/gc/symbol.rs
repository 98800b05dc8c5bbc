//! The symbol table: symbols are indices into it (see `value.rs`).
//!
//! Interned symbols are in `map` and always live (they are roots, with their
//! value, function and plist). Uninterned symbols (`make-symbol`, `gensym`)
//! live while something refers to them; the collector frees their slots.

use std::collections::HashMap;
use std::sync::Arc;

use bitflags::bitflags;

use super::value::Value;

bitflags! {
    #[derive(Copy, Clone, Debug, PartialEq, Eq)]
    pub struct SymFlags: u32 {
        /// In the obarray (found by `intern`).
        const INTERNED = 1;
        /// Declared with `defvar`/`defconst`: `let` binds it dynamically.
        const SPECIAL = 2;
        /// `nil`, `t` and keywords: `setq` signals `setting-constant`.
        const CONSTANT = 4;
        /// The slot is free (an uninterned symbol was collected).
        const FREE = 8;
        /// Loaded from a dump: dumped objects (never traced) may refer to
        /// it, so the collector never frees it.
        const IMMORTAL = 16;
    }
}

/// A symbol's cells. Its name lives in the table (`SymbolTable::name`), so
/// that cloning a table copies plain words, never a name.
#[derive(Clone, Copy)]
pub struct Symbol {
    pub value: Value,
    pub function: Value,
    pub plist: Value,
    pub flags: SymFlags,
}

/// Cloning a table is cheap: the cells are plain words, and the names and
/// the obarray map are shared until one clone changes them (copy-on-write),
/// which is what makes snapshot clones fast.
#[derive(Default, Clone)]
pub struct SymbolTable {
    pub syms: Vec<Symbol>,
    /// Names of the first `shared.len()` slots (a loaded dump's symbols),
    /// one allocation shared by every clone; a slot given another name
    /// after loading is in `renamed`.
    shared: Arc<[Arc<str>]>,
    renamed: HashMap<u32, Arc<str>>,
    /// Names of the slots after the shared ones.
    own: Vec<Arc<str>>,
    map: Arc<HashMap<Arc<str>, u32>>,
    free: Vec<u32>,
}

impl SymbolTable {
    pub fn find(&self, name: &str) -> Option<Value> {
        self.map.get(name).map(|&i| Value::symbol(i))
    }

    /// The name of symbol `index`.
    #[inline]
    pub fn name(&self, index: u32) -> &str {
        self.name_arc(index)
    }

    fn name_arc(&self, index: u32) -> &Arc<str> {
        let i = index as usize;
        match self.shared.get(i) {
            Some(n) if self.renamed.is_empty() => n,
            Some(n) => self.renamed.get(&index).unwrap_or(n),
            None => &self.own[i - self.shared.len()],
        }
    }

    fn set_name(&mut self, index: u32, name: Arc<str>) {
        let i = index as usize;
        if i < self.shared.len() {
            self.renamed.insert(index, name);
        } else if i - self.shared.len() < self.own.len() {
            self.own[i - self.shared.len()] = name;
        } else {
            debug_assert_eq!(i - self.shared.len(), self.own.len());
            self.own.push(name);
        }
    }

    pub fn intern(&mut self, name: &str) -> Value {
        if let Some(v) = self.find(name) {
            return v;
        }
        let keyword = name.starts_with(':');
        let v = self.push(name, SymFlags::INTERNED);
        let i = v.as_symbol().unwrap();
        let key = self.name_arc(i).clone();
        Arc::make_mut(&mut self.map).insert(key, i);
        if keyword {
            let s = &mut self.syms[i as usize];
            s.value = v;
            s.flags |= SymFlags::CONSTANT | SymFlags::SPECIAL;
        }
        v
    }

    pub fn make_uninterned(&mut self, name: &str) -> Value {
        self.push(name, SymFlags::empty())
    }

    fn push(&mut self, name: &str, flags: SymFlags) -> Value {
        let sym = Symbol { value: Value::UNBOUND, function: Value::NIL, plist: Value::NIL, flags };
        let i = if let Some(i) = self.free.pop() {
            self.syms[i as usize] = sym;
            i
        } else {
            let i = u32::try_from(self.syms.len()).expect("symbol table overflow");
            self.syms.push(sym);
            i
        };
        self.set_name(i, name.into());
        Value::symbol(i)
    }

    /// Removes `index` from the obarray (`unintern`); the symbol lives on.
    pub fn unintern(&mut self, index: u32) {
        let s = &mut self.syms[index as usize];
        if s.flags.contains(SymFlags::INTERNED) {
            s.flags.remove(SymFlags::INTERNED);
            let name = self.name_arc(index).clone();
            Arc::make_mut(&mut self.map).remove(&name);
        }
    }

    /// Frees the slot of a dead uninterned symbol.
    pub fn release(&mut self, index: u32) {
        let s = &mut self.syms[index as usize];
        debug_assert!(!s.flags.contains(SymFlags::INTERNED));
        s.value = Value::UNBOUND;
        s.function = Value::NIL;
        s.plist = Value::NIL;
        s.flags = SymFlags::FREE;
        self.set_name(index, "".into());
        self.free.push(index);
    }

    #[inline(always)]
    pub fn get(&self, index: u32) -> &Symbol {
        &self.syms[index as usize]
    }

    #[inline(always)]
    pub fn get_mut(&mut self, index: u32) -> &mut Symbol {
        &mut self.syms[index as usize]
    }

    pub fn len(&self) -> usize {
        self.syms.len()
    }

    /// Slots freed by the collector and not yet reused.
    pub fn free_count(&self) -> usize {
        self.free.len()
    }

    pub fn is_empty(&self) -> bool {
        self.syms.is_empty()
    }

    /// Rebuilds a table from dumped slots and their names (index order
    /// preserved, so every dumped reference to a symbol stays valid without
    /// relocation).
    pub fn from_slots(syms: Vec<Symbol>, names: Vec<Arc<str>>) -> SymbolTable {
        assert_eq!(syms.len(), names.len());
        let mut map = HashMap::with_capacity(syms.len());
        let mut free = Vec::new();
        for (i, s) in syms.iter().enumerate() {
            if s.flags.contains(SymFlags::FREE) {
                free.push(i as u32);
            } else if s.flags.contains(SymFlags::INTERNED) {
                map.insert(names[i].clone(), i as u32);
            }
        }
        free.reverse();
        SymbolTable { syms, shared: names.into(), renamed: HashMap::new(), own: Vec::new(), map: Arc::new(map), free }
    }
}
