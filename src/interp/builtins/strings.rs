use crate::interp::subr::Subr;

pub const SUBRS: &[Subr] = &[];
