//! Hash-table operations on the Emacs-ordered layout of `gc::object::HashTable`.
//! (Placeholder being completed.)
