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

#[derive(Clone)]
pub struct Symbol {
    /// Shared (not copied) between clones of one snapshot.
    pub name: Arc<str>,
    pub value: Value,
    pub function: Value,
    pub plist: Value,
    pub flags: SymFlags,
}

/// Cloning a table is cheap: names and the obarray map are shared until
/// one clone interns or uninterns a symbol (copy-on-write), which is what
/// makes snapshot clones fast.
#[derive(Default, Clone)]
pub struct SymbolTable {
    pub syms: Vec<Symbol>,
    map: Arc<HashMap<Arc<str>, u32>>,
    free: Vec<u32>,
}

impl SymbolTable {
    pub fn find(&self, name: &str) -> Option<Value> {
        self.map.get(name).map(|&i| Value::symbol(i))
    }

    pub fn intern(&mut self, name: &str) -> Value {
        if let Some(v) = self.find(name) {
            return v;
        }
        let keyword = name.starts_with(':');
        let v = self.push(name, SymFlags::INTERNED);
        let i = v.as_symbol().unwrap();
        let key = self.syms[i as usize].name.clone();
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
        let sym = Symbol { name: name.into(), value: Value::UNBOUND, function: Value::NIL, plist: Value::NIL, flags };
        if let Some(i) = self.free.pop() {
            self.syms[i as usize] = sym;
            Value::symbol(i)
        } else {
            let i = u32::try_from(self.syms.len()).expect("symbol table overflow");
            self.syms.push(sym);
            Value::symbol(i)
        }
    }

    /// Removes `index` from the obarray (`unintern`); the symbol lives on.
    pub fn unintern(&mut self, index: u32) {
        let s = &mut self.syms[index as usize];
        if s.flags.contains(SymFlags::INTERNED) {
            s.flags.remove(SymFlags::INTERNED);
            Arc::make_mut(&mut self.map).remove(&s.name);
        }
    }

    /// Frees the slot of a dead uninterned symbol.
    pub fn release(&mut self, index: u32) {
        let s = &mut self.syms[index as usize];
        debug_assert!(!s.flags.contains(SymFlags::INTERNED));
        s.name = "".into();
        s.value = Value::UNBOUND;
        s.function = Value::NIL;
        s.plist = Value::NIL;
        s.flags = SymFlags::FREE;
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

    pub fn is_empty(&self) -> bool {
        self.syms.is_empty()
    }

    /// Rebuilds a table from dumped slots (index order preserved, so every
    /// dumped reference to a symbol stays valid without relocation).
    pub fn from_slots(syms: Vec<Symbol>) -> SymbolTable {
        let mut map = HashMap::with_capacity(syms.len());
        let mut free = Vec::new();
        for (i, s) in syms.iter().enumerate() {
            if s.flags.contains(SymFlags::FREE) {
                free.push(i as u32);
            } else if s.flags.contains(SymFlags::INTERNED) {
                map.insert(s.name.clone(), i as u32);
            }
        }
        free.reverse();
        SymbolTable { syms, map: Arc::new(map), free }
    }
}
