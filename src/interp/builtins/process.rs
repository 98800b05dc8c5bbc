//! Process built-ins: `kill-emacs`, `getenv`, time, `sleep-for`,
//! `garbage-collect`, `pdumper-stats`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::gc::Value;
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Flow, Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("kill-emacs", 0, Some(2), kill_emacs),
    Subr::f("getenv", 1, Some(2), getenv),
    Subr::f("float-time", 0, Some(1), float_time),
    Subr::f("current-time", 0, Some(0), current_time),
    Subr::f("sleep-for", 1, Some(2), sleep_for),
    Subr::f("garbage-collect", 0, Some(0), garbage_collect),
    Subr::f("memory-use-counts", 0, Some(0), memory_use_counts),
    Subr::f("pdumper-stats", 0, Some(0), pdumper_stats),
    Subr::f("minilisp-dump-stats", 0, Some(0), minilisp_dump_stats),
];

/// `(kill-emacs &optional ARG RESTART)`: exits at once (no unwind forms
/// run) with ARG as the status (an integer, else 0).
fn kill_emacs(interp: &mut Interp, args: &[Value]) -> LResult {
    let hook = interp.intern("kill-emacs-hook");
    let v = interp.symbol_value(hook);
    if !v.is_unbound() && !v.is_nil() {
        let run = interp.intern("run-hooks");
        interp.funcall(run, &[hook])?;
    }
    let status = args[0].as_fixnum().map(|n| n.rem_euclid(256)).unwrap_or(0);
    interp.pending = (Value::NIL, Value::fixnum(status));
    Err(Flow::Exit)
}

/// `(getenv VARIABLE &optional FRAME)`.
fn getenv(interp: &mut Interp, args: &[Value]) -> LResult {
    let var = args[0];
    if !var.is_string() {
        return Err(interp.wrong_type(sym::STRINGP, var));
    }
    let name = interp.heap.str(var).to_string();
    if name.is_empty() || name.contains('=') || name.contains('\0') {
        return Ok(Value::NIL);
    }
    match std::env::var_os(&name) {
        Some(v) => Ok(interp.make_string(&v.to_string_lossy())),
        None => Ok(Value::NIL),
    }
}

fn now_seconds() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn number_value(interp: &Interp, v: Value) -> Option<f64> {
    if let Some(n) = v.as_fixnum() {
        Some(n as f64)
    } else if v.is_float() {
        Some(interp.heap.float(v))
    } else {
        None
    }
}

/// Seconds of a Lisp time value: nil (now), a number, `(TICKS . HZ)` or
/// `(HIGH LOW USEC PSEC)`.
fn time_seconds(interp: &mut Interp, t: Value) -> LResult<f64> {
    if t.is_nil() {
        return Ok(now_seconds());
    }
    if let Some(x) = number_value(interp, t) {
        return Ok(x);
    }
    if t.is_cons() {
        let a = interp.heap.car(t);
        let rest = interp.heap.cdr(t);
        if let (Some(ticks), Some(hz)) = (number_value(interp, a), number_value(interp, rest))
            && hz > 0.0
        {
            return Ok(ticks / hz);
        }
        let parts = interp.list_to_vec(t)?;
        let ints: Vec<Option<i64>> = parts.iter().map(|p| p.as_fixnum()).collect();
        if !ints.is_empty() && ints.len() <= 4 && ints.iter().all(|i| i.is_some()) {
            // Exact ticks at the list's resolution, divided once (as Emacs).
            let v: Vec<i128> = ints.iter().map(|i| i.unwrap_or(0) as i128).collect();
            let secs = v[0] * 65536 + v.get(1).copied().unwrap_or(0);
            let (ticks, hz) = match v.len() {
                1 | 2 => (secs, 1i128),
                3 => (secs * 1_000_000 + v[2], 1_000_000),
                _ => ((secs * 1_000_000 + v[2]) * 1_000_000 + v[3], 1_000_000_000_000),
            };
            return Ok(ticks as f64 / hz as f64);
        }
        let mut nums = [0f64; 4];
        let mut ok = !parts.is_empty() && parts.len() <= 4;
        for (i, &p) in parts.iter().enumerate().take(4) {
            match number_value(interp, p) {
                Some(x) => nums[i] = x,
                None => ok = false,
            }
        }
        if ok {
            return Ok(nums[0] * 65536.0 + nums[1] + nums[2] / 1e6 + nums[3] / 1e12);
        }
    }
    let msg = interp.make_string("Invalid time specification");
    Err(interp.signal_list(sym::ERROR, &[msg]))
}

/// `(float-time &optional SPECIFIED-TIME)`.
fn float_time(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = time_seconds(interp, args[0])?;
    Ok(interp.make_float(s))
}

/// `(current-time)`: `(HIGH LOW USEC PSEC)`.
fn current_time(interp: &mut Interp, _args: &[Value]) -> LResult {
    let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = d.as_secs() as i64;
    let nanos = d.subsec_nanos() as i64;
    let items = [
        Value::fixnum(secs >> 16),
        Value::fixnum(secs & 0xffff),
        Value::fixnum(nanos / 1000),
        Value::fixnum((nanos % 1000) * 1000),
    ];
    Ok(interp.list(&items))
}

/// `(sleep-for SECONDS &optional MILLISECONDS)`.
fn sleep_for(interp: &mut Interp, args: &[Value]) -> LResult {
    let Some(mut secs) = number_value(interp, args[0]) else {
        return Err(interp.wrong_type(sym::NUMBERP, args[0]));
    };
    if !args[1].is_nil() {
        match args[1].as_fixnum() {
            Some(ms) => secs += ms as f64 / 1000.0,
            None => return Err(interp.wrong_type(sym::FIXNUMP, args[1])),
        }
    }
    if secs > 0.0 && secs.is_finite() {
        let _ = interp.stdout.flush();
        std::thread::sleep(Duration::from_secs_f64(secs.min(1e9)));
    }
    Ok(Value::NIL)
}

use std::io::Write;

/// Runs a collection and counts it in `gcs-done`/`gc-elapsed`.
fn collect(interp: &mut Interp) -> crate::gc::GcStats {
    // `Interp::gc` counts the collection in `gcs-done` and `gc-elapsed`.
    interp.gc(&[])
}

/// `(garbage-collect)`: Emacs's list of (NAME SIZE USED FREE) entries.
fn garbage_collect(interp: &mut Interp, _args: &[Value]) -> LResult {
    let st = collect(interp);
    let f = |n: usize| Value::fixnum(n as i64);
    let rows: [&[Value]; 9] = [
        &[sym::CONSES, f(16), f(st.conses.0), f(st.conses.1)],
        &[sym::SYMBOLS, f(48), f(st.symbols.0), f(st.symbols.1)],
        &[sym::STRINGS, f(32), f(st.strings.0), f(st.strings.1)],
        &[sym::STRING_BYTES, f(1), f(st.string_bytes)],
        &[sym::VECTORS, f(16), f(st.vectors)],
        &[sym::VECTOR_SLOTS, f(8), f(st.vector_slots.0), f(st.vector_slots.1)],
        &[sym::FLOATS, f(8), f(st.floats.0), f(st.floats.1)],
        &[sym::INTERVALS, f(56), f(0), f(0)],
        &[sym::BUFFERS, f(992), f(0)],
    ];
    let base = interp.stack.len();
    for row in rows {
        let l = interp.list(row);
        interp.stack.push(l);
    }
    let items: Vec<Value> = interp.stack[base..].to_vec();
    let r = interp.list(&items);
    interp.stack.truncate(base);
    Ok(r)
}

/// `(memory-use-counts)`: conses floats vector-slots symbols
/// string-chars intervals strings, as numbers in use.
fn memory_use_counts(interp: &mut Interp, _args: &[Value]) -> LResult {
    let st = interp.gc(&[]);
    let f = |n: usize| Value::fixnum(n as i64);
    let items =
        [f(st.conses.0), f(st.floats.0), f(st.vector_slots.0), f(st.symbols.0), f(st.string_bytes), f(0), f(st.strings.0)];
    Ok(interp.list(&items))
}

/// `(pdumper-stats)`: nil unless this session started from a dump.
fn pdumper_stats(interp: &mut Interp, _args: &[Value]) -> LResult {
    let Some(stats) = interp.dump_stats.clone() else { return Ok(Value::NIL) };
    let secs = interp.make_float(stats.load_seconds);
    let slot = interp.push_root(secs);
    let name = interp.make_string(&stats.file_name);
    interp.stack.push(name);
    let a = interp.cons(sym::DUMPED_WITH_PDUMPER, Value::T);
    interp.stack.push(a);
    let b = interp.cons(sym::LOAD_TIME, secs);
    interp.stack.push(b);
    let c = interp.cons(sym::DUMP_FILE_NAME, name);
    interp.stack.push(c);
    let r = interp.list(&[a, b, c]);
    interp.stack.truncate(slot);
    Ok(r)
}

/// `(minilisp-dump-stats)`: `pdumper-stats` plus how the dump was mapped —
/// `relocated` is nil when the image sits at its preferred address (no
/// relocation, clean shared pages) —, how it was verified (`verified`:
/// `full`, `record`, `trusted` or `snapshot`, see `DumpStats`) and how many
/// dumped objects the write barrier has recorded. (`pdumper-stats` itself keeps Emacs's exact shape.)
fn minilisp_dump_stats(interp: &mut Interp, _args: &[Value]) -> LResult {
    let Some(stats) = interp.dump_stats.clone() else { return Ok(Value::NIL) };
    let base = interp.stack.len();
    let name = interp.make_string(&stats.file_name);
    interp.stack.push(name);
    let secs = interp.make_float(stats.load_seconds);
    interp.stack.push(secs);
    let verified = interp.intern(stats.verified);
    let int = |n: usize| Value::try_fixnum(n as i64).unwrap_or(Value::NIL);
    let fields = [
        ("dump-file-name", name),
        ("load-time", secs),
        ("relocated", Value::bool(stats.relocated)),
        ("address", int(stats.address)),
        ("image-size", int(stats.image_len)),
        ("verified", verified),
        ("dirty-objects", int(interp.heap.dirty_count())),
        ("private-dirty-bytes", private_dirty(stats.address, stats.image_len).map_or(Value::NIL, int)),
    ];
    let mut pairs = Vec::new();
    for (key, v) in fields {
        let k = interp.intern(key);
        let pair = interp.cons(k, v);
        interp.stack.push(pair);
        pairs.push(pair);
    }
    let r = interp.list(&pairs);
    interp.stack.truncate(base);
    Ok(r)
}

/// Bytes of `[addr, addr + len)` that this process has privately dirtied
/// (copy-on-write copies), from `/proc/self/smaps`; `None` off Linux.
fn private_dirty(addr: usize, len: usize) -> Option<usize> {
    let smaps = std::fs::read_to_string("/proc/self/smaps").ok()?;
    let mut total = 0;
    let mut inside = false;
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if let Some((a, b)) = first.split_once('-')
            && let (Ok(a), Ok(b)) = (usize::from_str_radix(a, 16), usize::from_str_radix(b, 16))
        {
            inside = a < addr + len && addr < b;
        } else if inside && let Some(kb) = line.strip_prefix("Private_Dirty:") {
            total += kb.trim().trim_end_matches("kB").trim().parse::<usize>().ok()? * 1024;
        }
    }
    Some(total)
}
