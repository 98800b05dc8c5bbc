//! Buffer built-ins: buffer objects (`current-buffer`, `set-buffer`,
//! `get-buffer-create`, `kill-buffer`, ...), the special forms that save
//! and restore buffer state (`save-current-buffer`, `save-excursion`,
//! `save-restriction`), text (`insert`, `buffer-substring`,
//! `delete-region`, ...) and motion (`goto-char`, `forward-line`,
//! `skip-chars-forward`, ...), with Emacs's errors.
//!
//! The buffer itself is [`crate::interp::buffer`]; searching is in
//! `buffer_search.rs`; `lisp/buffers.el` adds what Emacs writes in Lisp
//! (`with-temp-buffer`, `with-current-buffer`, `generate-new-buffer`,
//! `how-many`, ...) and `lisp/fill.el` the filling functions.

use std::sync::Arc;

use super::strings::check_string;
use crate::gc::Value;
use crate::interp::buffer::{self, Buffer, BufferState};
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("current-buffer", 0, Some(0), current_buffer),
    Subr::f("set-buffer", 1, Some(1), set_buffer),
    Subr::f("get-buffer", 1, Some(1), get_buffer),
    Subr::f("get-buffer-create", 1, Some(2), get_buffer_create),
    Subr::f("generate-new-buffer-name", 1, Some(2), generate_new_buffer_name),
    Subr::f("buffer-name", 0, Some(1), buffer_name),
    Subr::f("buffer-live-p", 1, Some(1), buffer_live_p),
    Subr::f("bufferp", 1, Some(1), bufferp),
    Subr::f("kill-buffer", 0, Some(1), kill_buffer),
    Subr::f("buffer-list", 0, Some(1), buffer_list),
    Subr::special("save-current-buffer", 0, None, sf_save_current_buffer),
    Subr::special("save-excursion", 0, None, sf_save_excursion),
    Subr::special("save-restriction", 0, None, sf_save_restriction),
    Subr::f("insert", 0, None, insert),
    Subr::f("insert-char", 1, Some(3), insert_char),
    Subr::f("buffer-string", 0, Some(0), buffer_string),
    Subr::f("buffer-substring", 2, Some(2), buffer_substring),
    Subr::f("buffer-substring-no-properties", 2, Some(2), buffer_substring),
    Subr::f("buffer-size", 0, Some(1), buffer_size),
    Subr::f("delete-region", 2, Some(2), delete_region),
    Subr::f("delete-and-extract-region", 2, Some(2), delete_and_extract_region),
    Subr::f("delete-char", 1, Some(2), delete_char),
    Subr::f("erase-buffer", 0, Some(0), erase_buffer),
    Subr::f("char-after", 0, Some(1), char_after),
    Subr::f("char-before", 0, Some(1), char_before),
    Subr::f("following-char", 0, Some(0), following_char),
    Subr::f("preceding-char", 0, Some(0), preceding_char),
    Subr::f("point", 0, Some(0), point),
    Subr::f("point-min", 0, Some(0), point_min),
    Subr::f("point-max", 0, Some(0), point_max),
    Subr::f("goto-char", 1, Some(1), goto_char),
    Subr::f("forward-char", 0, Some(1), forward_char),
    Subr::f("backward-char", 0, Some(1), backward_char),
    Subr::f("bobp", 0, Some(0), bobp),
    Subr::f("eobp", 0, Some(0), eobp),
    Subr::f("bolp", 0, Some(0), bolp),
    Subr::f("eolp", 0, Some(0), eolp),
    Subr::f("forward-line", 0, Some(1), forward_line),
    Subr::f("beginning-of-line", 0, Some(1), beginning_of_line),
    Subr::f("end-of-line", 0, Some(1), end_of_line),
    Subr::f("line-beginning-position", 0, Some(1), line_beginning_position),
    Subr::f("line-end-position", 0, Some(1), line_end_position),
    Subr::f("skip-chars-forward", 1, Some(2), skip_chars_forward),
    Subr::f("skip-chars-backward", 1, Some(2), skip_chars_backward),
    Subr::f("current-column", 0, Some(0), current_column),
    Subr::f("narrow-to-region", 2, Some(2), narrow_to_region),
    Subr::f("widen", 0, Some(0), widen),
    Subr::f("buffer-narrowed-p", 0, Some(0), buffer_narrowed_p),
    Subr::f("subst-char-in-region", 4, Some(5), subst_char_in_region),
    Subr::f("move-to-column", 1, Some(2), move_to_column),
    Subr::f("minilisp--marker", 1, Some(2), internal_marker),
    Subr::f("minilisp--marker-position", 1, Some(1), internal_marker_position),
    Subr::f("minilisp--free-marker", 1, Some(1), internal_free_marker),
];

/// The most characters a buffer holds (a larger insertion signals memory
/// exhaustion, as Emacs does when it cannot grow a buffer).
const MAX_BUFFER_CHARS: usize = 1 << 28;

// ---------------------------------------------------------------------------
// The current buffer and buffer arguments.

/// The current buffer's cell, making `*scratch*` on first use.
pub(crate) fn current(interp: &mut Interp) -> Value {
    if interp.buffers.current.is_nil() {
        let scratch = make_buffer(interp, "*scratch*".to_owned());
        interp.buffers.current = scratch;
    }
    interp.buffers.current
}

/// The current buffer (always live: killing it makes another current).
pub(crate) fn cur(interp: &mut Interp) -> Arc<Buffer> {
    let v = current(interp);
    buffer::buffer_of(interp, v).expect("the current buffer is a buffer")
}

/// A new live buffer named `name` (the caller checked it is unused).
fn make_buffer(interp: &mut Interp, name: String) -> Value {
    let v = interp.make_host_object(Arc::new(Buffer::new(name)), buffer::TYPE_NAME);
    interp.buffers.live.push(v);
    v
}

/// The live buffer named `name`.
fn find_named(interp: &Interp, name: &str) -> Option<Value> {
    interp.buffers.live.iter().copied().find(|&b| {
        buffer::buffer_of(interp, b).is_some_and(|x| x.lock().name.as_deref() == Some(name))
    })
}

/// A buffer argument: `(wrong-type-argument bufferp V)` otherwise.
fn check_buffer(interp: &mut Interp, v: Value) -> LResult<Arc<Buffer>> {
    match buffer::buffer_of(interp, v) {
        Some(b) => Ok(b),
        None => {
            let p = sym_bufferp(interp);
            Err(interp.wrong_type(p, v))
        }
    }
}

fn sym_bufferp(interp: &mut Interp) -> Value {
    interp.intern("bufferp")
}

/// Emacs's `Fget_buffer`: a buffer is itself, a string names a live
/// buffer (or nil), anything else is `(wrong-type-argument stringp V)`.
fn get_buffer_value(interp: &mut Interp, v: Value) -> LResult<Value> {
    if buffer::is_buffer(interp, v) {
        return Ok(v);
    }
    check_string(interp, v)?;
    let name = interp.heap.str(v).to_owned();
    Ok(find_named(interp, &name).unwrap_or(Value::NIL))
}

/// A BUFFER-OR-NAME argument that must name a live buffer (`nil` is the
/// current buffer): "No buffer named X" otherwise, as `set-buffer` says.
fn buffer_or_name(interp: &mut Interp, v: Value) -> LResult<Value> {
    if v.is_nil() {
        return Ok(current(interp));
    }
    let b = get_buffer_value(interp, v)?;
    if b.is_nil() {
        let name = interp.heap.str(v).to_owned();
        return Err(interp.error(&format!("No buffer named {name}")));
    }
    Ok(b)
}

/// Makes `b` (a buffer cell) current; a killed one is refused as Emacs
/// does.
fn select(interp: &mut Interp, b: Value) -> LResult<()> {
    let live = buffer::buffer_of(interp, b).is_some_and(|x| x.lock().live());
    if !live {
        return Err(interp.error("Selecting deleted buffer"));
    }
    interp.buffers.current = b;
    Ok(())
}

fn current_buffer(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(current(interp))
}

fn set_buffer(interp: &mut Interp, args: &[Value]) -> LResult {
    let b = get_buffer_value(interp, args[0])?;
    if b.is_nil() {
        let name = interp.heap.str(args[0]).to_owned();
        return Err(interp.error(&format!("No buffer named {name}")));
    }
    select(interp, b)?;
    Ok(b)
}

fn get_buffer(interp: &mut Interp, args: &[Value]) -> LResult {
    current(interp);
    get_buffer_value(interp, args[0])
}

fn get_buffer_create(interp: &mut Interp, args: &[Value]) -> LResult {
    current(interp);
    let found = get_buffer_value(interp, args[0])?;
    if !found.is_nil() {
        return Ok(found);
    }
    let name = interp.heap.str(args[0]).to_owned();
    if name.is_empty() {
        return Err(interp.error("Empty string for buffer name is not allowed"));
    }
    Ok(make_buffer(interp, name))
}

/// `(generate-new-buffer-name NAME &optional IGNORE)`: NAME, or NAME<2>,
/// NAME<3>... whichever is free first (IGNORE counts as free).
fn generate_new_buffer_name(interp: &mut Interp, args: &[Value]) -> LResult {
    check_string(interp, args[0])?;
    current(interp);
    let name = interp.heap.str(args[0]).to_owned();
    let ignore = if args[1].is_string() { Some(interp.heap.str(args[1]).to_owned()) } else { None };
    let free = |interp: &Interp, n: &str| ignore.as_deref() == Some(n) || find_named(interp, n).is_none();
    if free(interp, &name) {
        return Ok(args[0]);
    }
    // Emacs adds a random suffix to a taken name starting with a space;
    // a counter keeps runs reproducible.
    let mut k = 2;
    loop {
        let candidate = format!("{name}<{k}>");
        if free(interp, &candidate) {
            return Ok(interp.make_string(&candidate));
        }
        k += 1;
    }
}

fn buffer_name(interp: &mut Interp, args: &[Value]) -> LResult {
    let b = if args[0].is_nil() { current(interp) } else { args[0] };
    let buf = check_buffer(interp, b)?;
    let name = buf.lock().name.clone();
    Ok(match name {
        Some(n) => interp.make_string(&n),
        None => Value::NIL,
    })
}

fn buffer_live_p(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(buffer::buffer_of(interp, args[0]).is_some_and(|b| b.lock().live())))
}

fn bufferp(interp: &mut Interp, args: &[Value]) -> LResult {
    Ok(Value::bool(buffer::is_buffer(interp, args[0])))
}

/// `(kill-buffer &optional BUFFER-OR-NAME)`: t, or nil for a buffer
/// already killed. Killing the current buffer makes the most recent other
/// live buffer current, and a new `*scratch*` when none is left.
fn kill_buffer(interp: &mut Interp, args: &[Value]) -> LResult {
    let b = buffer_or_name(interp, args[0])?;
    let buf = check_buffer(interp, b)?;
    if !buf.lock().live() {
        return Ok(Value::NIL);
    }
    buf.lock().kill();
    interp.buffers.live.retain(|&x| x != b);
    if interp.buffers.current == b {
        interp.buffers.current = Value::NIL;
        let other = interp.buffers.live.iter().rev().copied().find(|&x| {
            buffer::buffer_of(interp, x).is_some_and(|y| !y.lock().name.as_deref().unwrap_or(" ").starts_with(' '))
        });
        match other.or_else(|| interp.buffers.live.last().copied()) {
            Some(o) => interp.buffers.current = o,
            None => {
                current(interp);
            }
        }
    }
    Ok(Value::T)
}

fn buffer_list(interp: &mut Interp, _args: &[Value]) -> LResult {
    current(interp);
    let items = interp.buffers.live.clone();
    Ok(interp.list(&items))
}

// ---------------------------------------------------------------------------
// Special forms that save buffer state.

/// `(save-current-buffer BODY...)`: the current buffer is restored
/// afterwards if it is still live.
fn sf_save_current_buffer(interp: &mut Interp, body: Value) -> LResult {
    let saved = current(interp);
    let slot = interp.push_root(saved);
    let r = interp.progn(body);
    restore_buffer(interp, saved);
    interp.stack.truncate(slot);
    r
}

fn restore_buffer(interp: &mut Interp, saved: Value) {
    if buffer::buffer_of(interp, saved).is_some_and(|b| b.lock().live()) {
        interp.buffers.current = saved;
    }
}

/// `(save-excursion BODY...)`: the current buffer and its point (kept as a
/// marker, so it follows insertions and deletions before it) are restored.
fn sf_save_excursion(interp: &mut Interp, body: Value) -> LResult {
    let saved = current(interp);
    let slot = interp.push_root(saved);
    let buf = cur(interp);
    let marker = {
        let mut st = buf.lock();
        let pt = st.pt;
        st.add_marker(pt, false)
    };
    let r = interp.progn(body);
    {
        let mut st = buf.lock();
        if let Some(pos) = st.take_marker(marker) {
            st.pt = pos.clamp(st.begv, st.zv);
        }
    }
    restore_buffer(interp, saved);
    interp.stack.truncate(slot);
    r
}

/// `(save-restriction BODY...)`: the current buffer's narrowing (kept as
/// markers) is restored.
fn sf_save_restriction(interp: &mut Interp, body: Value) -> LResult {
    let saved = current(interp);
    let slot = interp.push_root(saved);
    let buf = cur(interp);
    let (narrowed, lo, hi) = {
        let mut st = buf.lock();
        let narrowed = st.begv != 1 || st.zv != st.z();
        let (b, z) = (st.begv, st.zv);
        // As in Emacs, a widened buffer stays widened whatever the body
        // inserts; a narrowed one keeps its markers (the end advancing).
        (narrowed, st.add_marker(b, false), st.add_marker(z, true))
    };
    let r = interp.progn(body);
    {
        let mut st = buf.lock();
        if st.live() {
            let (b, z) = (st.take_marker(lo).unwrap_or(1), st.take_marker(hi).unwrap_or(usize::MAX));
            if narrowed {
                st.begv = b.max(1);
                st.zv = z.min(st.z()).max(st.begv);
            } else {
                st.begv = 1;
                st.zv = st.z();
            }
            st.pt = st.pt.clamp(st.begv, st.zv);
        }
    }
    interp.stack.truncate(slot);
    r
}

// ---------------------------------------------------------------------------
// Positions.

/// A position argument: a fixnum, else `(wrong-type-argument
/// integer-or-marker-p V)` (minilisp has no markers).
pub(crate) fn check_pos(interp: &mut Interp, v: Value) -> LResult<i64> {
    match v.as_fixnum() {
        Some(n) => Ok(n),
        None => Err(interp.wrong_type(sym::INTEGER_OR_MARKER_P, v)),
    }
}

/// An optional count argument (nil is `default`).
fn check_count(interp: &mut Interp, v: Value, default: i64) -> LResult<i64> {
    if v.is_nil() {
        return Ok(default);
    }
    match v.as_fixnum() {
        Some(n) => Ok(n),
        None => Err(interp.wrong_type(sym::FIXNUMP, v)),
    }
}

/// Emacs's `validate_region`: both positions inside the accessible part,
/// ordered; `(args-out-of-range BUFFER FROM TO)` otherwise.
pub(crate) fn region(interp: &mut Interp, a: Value, b: Value) -> LResult<(usize, usize)> {
    let (x, y) = (check_pos(interp, a)?, check_pos(interp, b)?);
    let (from, to) = if x <= y { (x, y) } else { (y, x) };
    let buf = cur(interp);
    let (begv, zv) = {
        let st = buf.lock();
        (st.begv as i64, st.zv as i64)
    };
    if from < begv || to > zv {
        let bv = current(interp);
        return Err(interp.args_out_of_range3(bv, Value::fixnum(from), Value::fixnum(to)));
    }
    Ok((from as usize, to as usize))
}

fn pos_value(p: usize) -> Value {
    Value::fixnum(p as i64)
}

fn char_value(c: char) -> Value {
    Value::fixnum(c as i64)
}

// ---------------------------------------------------------------------------
// Text.

/// The text an `insert` argument stands for.
fn insertion_text(interp: &mut Interp, v: Value, out: &mut Vec<char>) -> LResult<()> {
    if v.is_string() {
        out.extend(interp.heap.str(v).chars());
    } else if let Some(c) = v.as_fixnum().and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32) {
        out.push(c);
    } else {
        let p = interp.intern("char-or-string-p");
        return Err(interp.wrong_type(p, v));
    }
    Ok(())
}

/// `(insert &rest ARGS)`: each argument in turn (one that is neither a
/// string nor a character signals after the earlier ones are inserted).
fn insert(interp: &mut Interp, args: &[Value]) -> LResult {
    let buf = cur(interp);
    for &a in args {
        let mut text = Vec::new();
        insertion_text(interp, a, &mut text)?;
        if text.len() > MAX_BUFFER_CHARS.saturating_sub(buf.lock().text.len()) {
            return Err(super::sequences::memory_full(interp));
        }
        let mut st = buf.lock();
        let pt = st.pt;
        st.insert_at(pt, &text, true);
    }
    Ok(Value::NIL)
}

/// `(insert-char CHARACTER &optional COUNT INHERIT)`.
fn insert_char(interp: &mut Interp, args: &[Value]) -> LResult {
    let Some(c) = args[0].as_fixnum().and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32) else {
        return Err(interp.wrong_type(sym::CHARACTERP, args[0]));
    };
    let n = check_count(interp, args[1], 1)?.max(0) as usize;
    if n > MAX_BUFFER_CHARS.saturating_sub(cur(interp).lock().text.len()) {
        return Err(super::sequences::memory_full(interp));
    }
    let text = vec![c; n];
    let buf = cur(interp);
    let mut st = buf.lock();
    let pt = st.pt;
    st.insert_at(pt, &text, true);
    Ok(Value::NIL)
}

fn buffer_string(interp: &mut Interp, _args: &[Value]) -> LResult {
    let buf = cur(interp);
    let s: String = buf.lock().accessible().iter().collect();
    Ok(interp.make_string(&s))
}

fn buffer_substring(interp: &mut Interp, args: &[Value]) -> LResult {
    let (from, to) = region(interp, args[0], args[1])?;
    let buf = cur(interp);
    let s = buf.lock().substring(from, to);
    Ok(interp.make_string(&s))
}

/// `(buffer-size &optional BUFFER)`: the whole text, ignoring narrowing.
fn buffer_size(interp: &mut Interp, args: &[Value]) -> LResult {
    let b = if args[0].is_nil() { current(interp) } else { args[0] };
    let buf = check_buffer(interp, b)?;
    let n = buf.lock().text.len();
    Ok(Value::fixnum(n as i64))
}

fn delete_region(interp: &mut Interp, args: &[Value]) -> LResult {
    let (from, to) = region(interp, args[0], args[1])?;
    cur(interp).lock().delete(from, to);
    Ok(Value::NIL)
}

/// `(delete-and-extract-region START END)`: the text deleted.
fn delete_and_extract_region(interp: &mut Interp, args: &[Value]) -> LResult {
    let (from, to) = region(interp, args[0], args[1])?;
    let buf = cur(interp);
    let s = {
        let mut st = buf.lock();
        let s = st.substring(from, to);
        st.delete(from, to);
        s
    };
    Ok(interp.make_string(&s))
}

/// `(delete-char N &optional KILLFLAG)`: N characters after point (before
/// it when negative); `beginning-of-buffer`/`end-of-buffer` when there
/// are not that many.
fn delete_char(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    let buf = cur(interp);
    let (pt, begv, zv) = {
        let st = buf.lock();
        (st.pt as i64, st.begv as i64, st.zv as i64)
    };
    let (from, to) = if n < 0 { (pt.saturating_add(n), pt) } else { (pt, pt.saturating_add(n)) };
    if from < begv {
        return Err(signal_motion(interp, beginning_of_buffer));
    }
    if to > zv {
        return Err(signal_motion(interp, end_of_buffer));
    }
    buf.lock().delete(from as usize, to as usize);
    Ok(Value::NIL)
}

fn erase_buffer(interp: &mut Interp, _args: &[Value]) -> LResult {
    let buf = cur(interp);
    let mut st = buf.lock();
    st.begv = 1;
    st.zv = st.z();
    let z = st.z();
    st.delete(1, z);
    Ok(Value::NIL)
}

/// The character after `pos` (`None`: point), or nil outside the
/// accessible part.
fn char_near(interp: &mut Interp, pos: Value, before: bool) -> LResult {
    let buf = cur(interp);
    let p = if pos.is_nil() { buf.lock().pt as i64 } else { check_pos(interp, pos)? };
    let st = buf.lock();
    let at = if before { p - 1 } else { p };
    if at < st.begv as i64 || at >= st.zv as i64 {
        return Ok(Value::NIL);
    }
    Ok(char_value(st.char_at(at as usize)))
}

fn char_after(interp: &mut Interp, args: &[Value]) -> LResult {
    char_near(interp, args[0], false)
}

fn char_before(interp: &mut Interp, args: &[Value]) -> LResult {
    char_near(interp, args[0], true)
}

fn following_char(interp: &mut Interp, _args: &[Value]) -> LResult {
    let c = char_near(interp, Value::NIL, false)?;
    Ok(if c.is_nil() { Value::fixnum(0) } else { c })
}

fn preceding_char(interp: &mut Interp, _args: &[Value]) -> LResult {
    let c = char_near(interp, Value::NIL, true)?;
    Ok(if c.is_nil() { Value::fixnum(0) } else { c })
}

/// `(subst-char-in-region START END FROMCHAR TOCHAR &optional NOUNDO)`.
fn subst_char_in_region(interp: &mut Interp, args: &[Value]) -> LResult {
    let (from, to) = region(interp, args[0], args[1])?;
    let mut chars = [' '; 2];
    for (i, v) in [args[2], args[3]].into_iter().enumerate() {
        match v.as_fixnum().and_then(|n| u32::try_from(n).ok()).and_then(char::from_u32) {
            Some(c) => chars[i] = c,
            None => return Err(interp.wrong_type(sym::CHARACTERP, v)),
        }
    }
    let buf = cur(interp);
    let mut st = buf.lock();
    for c in &mut st.text[from - 1..to - 1] {
        if *c == chars[0] {
            *c = chars[1];
        }
    }
    Ok(Value::NIL)
}

// ---------------------------------------------------------------------------
// Motion.

fn read_state<T>(interp: &mut Interp, f: impl FnOnce(&BufferState) -> T) -> T {
    let buf = cur(interp);
    let st = buf.lock();
    f(&st)
}

fn point(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(pos_value(read_state(interp, |s| s.pt)))
}

fn point_min(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(pos_value(read_state(interp, |s| s.begv)))
}

fn point_max(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(pos_value(read_state(interp, |s| s.zv)))
}

/// `(goto-char POSITION)`: clamped to the accessible part; returns
/// POSITION.
fn goto_char(interp: &mut Interp, args: &[Value]) -> LResult {
    let p = check_pos(interp, args[0])?;
    let buf = cur(interp);
    let mut st = buf.lock();
    st.pt = p.clamp(st.begv as i64, st.zv as i64) as usize;
    Ok(args[0])
}

/// Signals `beginning-of-buffer` or `end-of-buffer` (no data).
fn signal_motion(interp: &mut Interp, which: fn(&mut Interp) -> Value) -> crate::interp::Flow {
    let s = which(interp);
    interp.signal(s, Value::NIL)
}

pub(crate) fn beginning_of_buffer(interp: &mut Interp) -> Value {
    interp.intern("beginning-of-buffer")
}

pub(crate) fn end_of_buffer(interp: &mut Interp) -> Value {
    interp.intern("end-of-buffer")
}

/// Moves point by `n` characters; past either end it stops there and
/// signals, as Emacs's `move_point`.
fn move_point(interp: &mut Interp, n: i64) -> LResult {
    let buf = cur(interp);
    let err = {
        let mut st = buf.lock();
        let want = (st.pt as i64).saturating_add(n);
        if want < st.begv as i64 {
            st.pt = st.begv;
            Some(true)
        } else if want > st.zv as i64 {
            st.pt = st.zv;
            Some(false)
        } else {
            st.pt = want as usize;
            None
        }
    };
    match err {
        Some(true) => Err(signal_motion(interp, beginning_of_buffer)),
        Some(false) => Err(signal_motion(interp, end_of_buffer)),
        None => Ok(Value::NIL),
    }
}

fn forward_char(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    move_point(interp, n)
}

fn backward_char(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    move_point(interp, -n)
}

fn bobp(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(Value::bool(read_state(interp, |s| s.pt == s.begv)))
}

fn eobp(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(Value::bool(read_state(interp, |s| s.pt == s.zv)))
}

fn bolp(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(Value::bool(read_state(interp, |s| s.pt == s.begv || s.char_at(s.pt - 1) == '\n')))
}

fn eolp(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(Value::bool(read_state(interp, |s| s.pt == s.zv || s.char_at(s.pt) == '\n')))
}

/// The start of the line `n - 1` lines away from `pos` (Emacs's
/// `find_newline` as `line-beginning-position` uses it), and how many
/// lines were missing.
fn line_start(st: &BufferState, pos: usize, n: i64) -> (usize, i64) {
    let mut p = pos;
    if n <= 0 {
        // Back to the start of this line, then 1 - n more lines back.
        let mut left = 2i64.saturating_sub(n);
        loop {
            while p > st.begv && st.char_at(p - 1) != '\n' {
                p -= 1;
            }
            left -= 1;
            if left == 0 || p == st.begv {
                return (p, left);
            }
            p -= 1;
        }
    } else {
        // Forward past n - 1 newlines.
        let mut left = n - 1;
        while left > 0 {
            while p < st.zv && st.char_at(p) != '\n' {
                p += 1;
            }
            if p == st.zv {
                return (p, left);
            }
            p += 1;
            left -= 1;
        }
        while p > st.begv && st.char_at(p - 1) != '\n' {
            p -= 1;
        }
        (p, 0)
    }
}

/// The end of the line `n - 1` lines away from point.
fn line_end(st: &BufferState, n: i64) -> usize {
    let mut p = st.pt;
    if n > 0 {
        let mut left = n - 1;
        loop {
            while p < st.zv && st.char_at(p) != '\n' {
                p += 1;
            }
            if left == 0 || p == st.zv {
                return p;
            }
            p += 1;
            left -= 1;
        }
    }
    // n <= 0: the (1 - n)th newline before point (Emacs's
    // `find_before_next_newline` backward), or the beginning.
    let mut left = 1i64.saturating_sub(n);
    while p > st.begv {
        p -= 1;
        if st.char_at(p) == '\n' {
            left -= 1;
            if left == 0 {
                return p;
            }
        }
    }
    st.begv
}

/// `(forward-line &optional N)`: to the start of the Nth line after (or
/// before) this one; the shortfall, as Emacs counts it.
fn forward_line(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    let buf = cur(interp);
    let mut st = buf.lock();
    let mut p = st.pt;
    if n <= 0 {
        let (q, left) = line_start(&st, p, n.saturating_add(1));
        st.pt = q;
        // Emacs: `shortage` lines not moved; at beginning of buffer a
        // partial move counts.
        return Ok(Value::fixnum(if left > 0 { -left } else { 0 }));
    }
    let mut count = 0;
    while count < n {
        while p < st.zv && st.char_at(p) != '\n' {
            p += 1;
        }
        if p == st.zv {
            break;
        }
        p += 1;
        count += 1;
    }
    let shortage = n - count;
    // Moving to the end of a line that is not empty counts as one line.
    let partial = shortage > 0 && p != st.pt && p > st.begv && st.char_at(p - 1) != '\n';
    st.pt = p;
    Ok(Value::fixnum(if partial { shortage - 1 } else { shortage }))
}

fn beginning_of_line(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    let buf = cur(interp);
    let mut st = buf.lock();
    let pt = st.pt;
    st.pt = line_start(&st, pt, n).0;
    Ok(Value::NIL)
}

fn end_of_line(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    let buf = cur(interp);
    let mut st = buf.lock();
    st.pt = line_end(&st, n);
    Ok(Value::NIL)
}

fn line_beginning_position(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    Ok(pos_value(read_state(interp, |s| line_start(s, s.pt, n).0)))
}

fn line_end_position(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = check_count(interp, args[0], 1)?;
    Ok(pos_value(read_state(interp, |s| line_end(s, n))))
}

/// A `skip-chars-forward` set: `^` negates, `a-z` ranges, `\` quotes;
/// `[:class:]` classes are those of regexps.
struct SkipSet {
    negate: bool,
    chars: Vec<(char, char)>,
    classes: Vec<String>,
}

impl SkipSet {
    fn parse(s: &str) -> SkipSet {
        let cs: Vec<char> = s.chars().collect();
        let mut i = 0;
        let negate = cs.first() == Some(&'^');
        if negate {
            i = 1;
        }
        let (mut chars, mut classes) = (Vec::new(), Vec::new());
        while i < cs.len() {
            let mut c = cs[i];
            if c == '['
                && cs.get(i + 1) == Some(&':')
                && let Some(end) = (i + 2..cs.len().saturating_sub(1)).find(|&k| cs[k] == ':' && cs[k + 1] == ']')
            {
                classes.push(cs[i + 2..end].iter().collect());
                i = end + 2;
                continue;
            }
            if c == '\\' && i + 1 < cs.len() {
                i += 1;
                c = cs[i];
            }
            if i + 2 < cs.len() && cs[i + 1] == '-' {
                let mut hi = cs[i + 2];
                let mut skip = 3;
                if hi == '\\' && i + 3 < cs.len() {
                    hi = cs[i + 3];
                    skip = 4;
                }
                if c <= hi {
                    chars.push((c, hi));
                }
                i += skip;
                continue;
            }
            chars.push((c, c));
            i += 1;
        }
        SkipSet { negate, chars, classes }
    }

    fn matches(&self, c: char, class_re: &[crate::interp::regex::Regex]) -> bool {
        let hit = self.chars.iter().any(|&(a, b)| a <= c && c <= b) || class_re.iter().any(|re| re.find(&[c], 0, false).is_some());
        hit != self.negate
    }
}

/// `skip-chars-forward`/`-backward`: moves over characters in the set up
/// to LIM (clamped to the accessible part); the distance moved.
fn skip_chars(interp: &mut Interp, args: &[Value], forward: bool) -> LResult {
    check_string(interp, args[0])?;
    let set = SkipSet::parse(interp.heap.str(args[0]));
    let mut class_re = Vec::new();
    for class in &set.classes {
        match crate::interp::regex::Regex::new(&format!("[[:{class}:]]")) {
            Ok(re) => class_re.push(re),
            Err(_) => return Err(interp.error("Invalid ISO C character class")),
        }
    }
    let lim = if args[1].is_nil() { None } else { Some(check_pos(interp, args[1])?) };
    let buf = cur(interp);
    let mut st = buf.lock();
    let start = st.pt;
    let mut p = st.pt;
    if forward {
        let lim = lim.map_or(st.zv, |l| l.clamp(st.begv as i64, st.zv as i64) as usize);
        while p < lim && set.matches(st.char_at(p), &class_re) {
            p += 1;
        }
    } else {
        let lim = lim.map_or(st.begv, |l| l.clamp(st.begv as i64, st.zv as i64) as usize);
        while p > lim && set.matches(st.char_at(p - 1), &class_re) {
            p -= 1;
        }
    }
    st.pt = p;
    Ok(Value::fixnum(p as i64 - start as i64))
}

fn skip_chars_forward(interp: &mut Interp, args: &[Value]) -> LResult {
    skip_chars(interp, args, true)
}

fn skip_chars_backward(interp: &mut Interp, args: &[Value]) -> LResult {
    skip_chars(interp, args, false)
}

/// `(current-column)`: characters since the line start, tabs to the next
/// multiple of 8 (`tab-width`'s default), every character one column wide.
fn current_column(interp: &mut Interp, _args: &[Value]) -> LResult {
    let col = read_state(interp, |s| {
        let (start, _) = line_start(s, s.pt, 1);
        s.text[start - 1..s.pt - 1].iter().fold(0usize, |col, &c| if c == '\t' { (col / 8 + 1) * 8 } else { col + 1 })
    });
    Ok(Value::fixnum(col as i64))
}

fn narrow_to_region(interp: &mut Interp, args: &[Value]) -> LResult {
    let (x, y) = (check_pos(interp, args[0])?, check_pos(interp, args[1])?);
    let (from, to) = if x <= y { (x, y) } else { (y, x) };
    let buf = cur(interp);
    let z = buf.lock().z() as i64;
    if from < 1 || to > z {
        return Err(interp.args_out_of_range(args[0], args[1]));
    }
    let mut st = buf.lock();
    st.begv = from as usize;
    st.zv = to as usize;
    st.pt = st.pt.clamp(st.begv, st.zv);
    Ok(Value::NIL)
}

fn widen(interp: &mut Interp, _args: &[Value]) -> LResult {
    let buf = cur(interp);
    let mut st = buf.lock();
    st.begv = 1;
    st.zv = st.z();
    Ok(Value::NIL)
}

fn buffer_narrowed_p(interp: &mut Interp, _args: &[Value]) -> LResult {
    Ok(Value::bool(read_state(interp, |s| s.begv != 1 || s.zv != s.z())))
}

/// `(move-to-column COLUMN &optional FORCE)`: along the line to COLUMN or
/// its end; the column reached (FORCE is ignored: no tabs are converted).
fn move_to_column(interp: &mut Interp, args: &[Value]) -> LResult {
    let Some(goal) = args[0].as_fixnum() else { return Err(interp.wrong_type(sym::WHOLENUMP, args[0])) };
    let buf = cur(interp);
    let mut st = buf.lock();
    let (mut p, _) = line_start(&st, st.pt, 1);
    let mut col = 0i64;
    while p < st.zv && col < goal {
        let c = st.char_at(p);
        if c == '\n' {
            break;
        }
        col = if c == '\t' { (col / 8 + 1) * 8 } else { col + 1 };
        p += 1;
    }
    st.pt = p;
    Ok(Value::fixnum(col))
}

// ---------------------------------------------------------------------------
// Internal markers for Lisp (lisp/fill.el): positions in the current buffer
// that follow its edits, named by slot numbers. minilisp has no marker
// objects; these stand in where Emacs's Lisp uses `copy-marker`.

fn marker_slot(interp: &mut Interp, v: Value) -> LResult<usize> {
    match v.as_fixnum() {
        Some(n) if n >= 0 => Ok(n as usize),
        _ => Err(interp.wrong_type(sym::WHOLENUMP, v)),
    }
}

/// `(minilisp--marker POS &optional ADVANCES)`: a new internal marker.
fn internal_marker(interp: &mut Interp, args: &[Value]) -> LResult {
    let p = check_pos(interp, args[0])?;
    let buf = cur(interp);
    let mut st = buf.lock();
    let pos = p.clamp(1, st.z() as i64) as usize;
    Ok(Value::fixnum(st.add_marker(pos, !args[1].is_nil()) as i64))
}

fn internal_marker_position(interp: &mut Interp, args: &[Value]) -> LResult {
    let slot = marker_slot(interp, args[0])?;
    let pos = cur(interp).lock().marker(slot);
    match pos {
        Some(p) => Ok(pos_value(p)),
        None => Err(interp.error("No such marker")),
    }
}

fn internal_free_marker(interp: &mut Interp, args: &[Value]) -> LResult {
    let slot = marker_slot(interp, args[0])?;
    let buf = cur(interp);
    let mut st = buf.lock();
    st.take_marker(slot);
    Ok(Value::NIL)
}
