//! Numbers: arithmetic, comparison, rounding and conversion, with Emacs
//! 28's semantics (62-bit fixnums promoting to bignums, float contagion
//! from the first float argument on, exact mixed comparisons).
//!
//! Integer results always go through `make_integer`/`int_value`, so a
//! value in fixnum range is never a bignum; bignums wider than Emacs's
//! `integer-width` (65536 bits) signal `overflow-error` as in Emacs.

use std::cell::RefCell;
use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::gc::value::{MOST_NEGATIVE_FIXNUM, MOST_POSITIVE_FIXNUM};
use crate::gc::{Heap, Value};
use crate::interp::subr::Subr;
use crate::interp::symbols as sym;
use crate::interp::{Flow, Interp, LResult};

pub const SUBRS: &[Subr] = &[
    Subr::f("+", 0, None, plus),
    Subr::f("-", 0, None, minus),
    Subr::f("*", 0, None, times),
    Subr::f("/", 1, None, quo),
    Subr::f("%", 2, Some(2), rem),
    Subr::f("mod", 2, Some(2), modulo),
    Subr::f("1+", 1, Some(1), add1),
    Subr::f("1-", 1, Some(1), sub1),
    Subr::f("=", 1, None, num_eq),
    Subr::f("/=", 2, Some(2), num_ne),
    Subr::f("<", 1, None, num_lt),
    Subr::f(">", 1, None, num_gt),
    Subr::f("<=", 1, None, num_le),
    Subr::f(">=", 1, None, num_ge),
    Subr::f("max", 1, None, max),
    Subr::f("min", 1, None, min),
    Subr::f("abs", 1, Some(1), abs),
    Subr::f("float", 1, Some(1), float),
    Subr::f("truncate", 1, Some(2), truncate),
    Subr::f("floor", 1, Some(2), floor),
    Subr::f("ceiling", 1, Some(2), ceiling),
    Subr::f("round", 1, Some(2), round),
    Subr::f("ffloor", 1, Some(1), ffloor),
    Subr::f("fceiling", 1, Some(1), fceiling),
    Subr::f("fround", 1, Some(1), fround),
    Subr::f("ftruncate", 1, Some(1), ftruncate),
    Subr::f("number-to-string", 1, Some(1), number_to_string),
    Subr::f("string-to-number", 1, Some(2), string_to_number),
    Subr::f("zerop", 1, Some(1), zerop),
    Subr::f("logand", 0, None, logand),
    Subr::f("logior", 0, None, logior),
    Subr::f("logxor", 0, None, logxor),
    Subr::f("lognot", 1, Some(1), lognot),
    Subr::f("logcount", 1, Some(1), logcount),
    Subr::f("ash", 2, Some(2), ash),
    Subr::f("lsh", 2, Some(2), lsh),
    Subr::f("expt", 2, Some(2), expt),
    Subr::f("sqrt", 1, Some(1), sqrt),
    Subr::f("exp", 1, Some(1), exp),
    Subr::f("log", 1, Some(2), log),
    Subr::f("sin", 1, Some(1), sin),
    Subr::f("cos", 1, Some(1), cos),
    Subr::f("tan", 1, Some(1), tan),
    Subr::f("asin", 1, Some(1), asin),
    Subr::f("acos", 1, Some(1), acos),
    Subr::f("atan", 1, Some(2), atan),
    Subr::f("isnan", 1, Some(1), isnan),
    Subr::f("copysign", 2, Some(2), copysign),
    Subr::f("frexp", 1, Some(1), frexp),
    Subr::f("ldexp", 2, Some(2), ldexp),
    Subr::f("logb", 1, Some(1), logb),
    Subr::f("random", 0, Some(1), random),
];

/// Emacs's default `integer-width`: bignums may have at most this many bits.
pub const INTEGER_WIDTH: u64 = 65536;
/// Largest intermediate product computed within one `*` call.
const INTERMEDIATE_BITS: u64 = 1 << 24;

// ---------------------------------------------------------------------------
// Conversions between Values and Rust numbers (public: the printer, `format`
// and the reader use them too).

/// A number taken apart.
#[derive(Clone, Debug)]
pub enum Num {
    Fix(i64),
    Big(BigInt),
    Float(f64),
}

/// The value of a bignum `v` (which must be a bignum).
pub fn bignum_to_bigint(heap: &Heap, v: Value) -> BigInt {
    let (negative, limbs) = heap.bignum(v);
    let mut digits = Vec::with_capacity(limbs.len() * 2);
    for &l in limbs {
        digits.push(l as u32);
        digits.push((l >> 32) as u32);
    }
    let mag = BigUint::new(digits);
    BigInt::from_biguint(if negative { Sign::Minus } else { Sign::Plus }, mag)
}

/// The value of an integer (fixnum or bignum), else `None`.
pub fn integer_to_bigint(heap: &Heap, v: Value) -> Option<BigInt> {
    if let Some(i) = v.as_fixnum() {
        Some(BigInt::from(i))
    } else if heap.is_bignum(v) {
        Some(bignum_to_bigint(heap, v))
    } else {
        None
    }
}

/// The number `v` taken apart, or `None` if it is not a number.
#[inline]
pub fn num_of(heap: &Heap, v: Value) -> Option<Num> {
    if let Some(i) = v.as_fixnum() {
        Some(Num::Fix(i))
    } else if v.is_float() {
        Some(Num::Float(heap.float(v)))
    } else if heap.is_bignum(v) {
        Some(Num::Big(bignum_to_bigint(heap, v)))
    } else {
        None
    }
}

/// True for fixnums, bignums and floats.
#[inline]
pub fn is_number(heap: &Heap, v: Value) -> bool {
    v.is_fixnum() || v.is_float() || heap.is_bignum(v)
}

/// True for fixnums and bignums.
#[inline]
pub fn is_integer(heap: &Heap, v: Value) -> bool {
    v.is_fixnum() || heap.is_bignum(v)
}

/// A number as a double (bignums rounded to nearest, as Emacs does).
pub fn num_to_f64(n: &Num) -> f64 {
    match n {
        Num::Fix(i) => *i as f64,
        Num::Big(b) => bigint_to_f64(b),
        Num::Float(f) => *f,
    }
}

pub fn bigint_to_f64(b: &BigInt) -> f64 {
    b.to_f64().unwrap_or(if b.is_negative() { f64::NEG_INFINITY } else { f64::INFINITY })
}

/// The decimal (or other radix) text of an integer value (fixnum or bignum).
pub fn integer_to_string(heap: &Heap, v: Value, radix: u32) -> String {
    if let Some(i) = v.as_fixnum() {
        if radix == 10 {
            return i.to_string();
        }
        return BigInt::from(i).to_str_radix(radix);
    }
    bignum_to_bigint(heap, v).to_str_radix(radix)
}

fn overflow_error(interp: &mut Interp) -> Flow {
    interp.signal(sym::OVERFLOW_ERROR, Value::NIL)
}

/// The integer `n` as a Lisp value: a fixnum when it fits, else a bignum
/// (`overflow-error` past `integer-width`).
pub fn make_integer(interp: &mut Interp, n: BigInt) -> LResult {
    if let Some(i) = n.to_i64()
        && let Some(v) = Value::try_fixnum(i)
    {
        return Ok(v);
    }
    if n.bits() > INTEGER_WIDTH {
        return Err(overflow_error(interp));
    }
    let limbs = n.magnitude().to_u64_digits();
    Ok(interp.make_bignum(n.is_negative(), &limbs))
}

/// An `i64` as a Lisp integer (a bignum outside the fixnum range).
#[inline]
pub fn int_value(interp: &mut Interp, i: i64) -> Value {
    match Value::try_fixnum(i) {
        Some(v) => v,
        None => interp.make_bignum(i < 0, &[i.unsigned_abs()]),
    }
}

/// An `i128` as a Lisp integer.
fn i128_value(interp: &mut Interp, i: i128) -> Value {
    if let Ok(small) = i64::try_from(i) {
        return int_value(interp, small);
    }
    let m = i.unsigned_abs();
    interp.make_bignum(i < 0, &[m as u64, (m >> 64) as u64])
}

/// Emacs's `double_to_integer`: a finite double as an exact integer.
pub fn float_to_integer(interp: &mut Interp, d: f64) -> LResult {
    if !d.is_finite() {
        return Err(overflow_error(interp));
    }
    if d.abs() < 2f64.powi(61) {
        return Ok(Value::fixnum(d as i64));
    }
    match BigInt::from_f64(d) {
        Some(b) => make_integer(interp, b),
        None => Err(overflow_error(interp)),
    }
}

#[inline]
fn check_num(interp: &mut Interp, v: Value, pred: Value) -> LResult<Num> {
    match num_of(&interp.heap, v) {
        Some(n) => Ok(n),
        None => Err(interp.wrong_type(pred, v)),
    }
}

/// Checks `v` is a number (`number-or-marker-p`).
#[inline]
fn check_number_or_marker(interp: &mut Interp, v: Value) -> LResult<Num> {
    check_num(interp, v, sym::NUMBER_OR_MARKER_P)
}

#[inline]
fn check_float_arg(interp: &mut Interp, v: Value) -> LResult<f64> {
    if v.is_float() { Ok(interp.heap.float(v)) } else { Err(interp.wrong_type(sym::FLOATP, v)) }
}

/// Emacs's `extract_float`: any number as a double (`numberp`).
fn extract_float(interp: &mut Interp, v: Value) -> LResult<f64> {
    let n = check_num(interp, v, sym::NUMBERP)?;
    Ok(num_to_f64(&n))
}


// ---------------------------------------------------------------------------
// The arithmetic driver.

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
    And,
    Ior,
    Xor,
}

impl Op {
    fn is_logical(self) -> bool {
        matches!(self, Op::And | Op::Ior | Op::Xor)
    }
}

enum Acc {
    I(i64),
    B(BigInt),
    F(f64),
}

fn big_op(interp: &mut Interp, op: Op, a: BigInt, b: &BigInt) -> LResult<BigInt> {
    Ok(match op {
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => {
            // Emacs checks the width only of the final result; bound the
            // intermediate products generously.
            if a.bits() + b.bits() > INTERMEDIATE_BITS && !a.is_zero() && !b.is_zero() {
                return Err(overflow_error(interp));
            }
            a * b
        }
        Op::Div => {
            if b.is_zero() {
                return Err(interp.arith_error());
            }
            a / b
        }
        Op::And => a & b,
        Op::Ior => a | b,
        Op::Xor => a ^ b,
    })
}

fn float_op(op: Op, a: f64, b: f64) -> f64 {
    match op {
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => a * b,
        Op::Div => a / b,
        _ => unreachable!("logical ops never reach floats"),
    }
}

/// Emacs's `arith_driver` over all of `args` (at least one): integers
/// exactly (promoting to bignums), switching to floats at the first float.
/// With `all_float`, the whole operation is done in floats (`/`).
fn arith(interp: &mut Interp, op: Op, args: &[Value], all_float: bool) -> LResult {
    let first_pred = if op.is_logical() { sym::INTEGER_OR_MARKER_P } else { sym::NUMBER_OR_MARKER_P };
    let mut acc = match check_num(interp, args[0], first_pred)? {
        Num::Float(_) if op.is_logical() => return Err(interp.wrong_type(sym::INTEGER_OR_MARKER_P, args[0])),
        Num::Fix(i) if all_float => Acc::F(i as f64),
        Num::Big(b) if all_float => Acc::F(bigint_to_f64(&b)),
        Num::Fix(i) => Acc::I(i),
        Num::Big(b) => Acc::B(b),
        Num::Float(f) => Acc::F(f),
    };
    for &v in &args[1..] {
        let next = check_number_or_marker(interp, v)?;
        acc = match (acc, next) {
            (Acc::I(a), Num::Fix(b)) => {
                let r = match op {
                    Op::Add => a.checked_add(b),
                    Op::Sub => a.checked_sub(b),
                    Op::Mul => a.checked_mul(b),
                    Op::Div => {
                        if b == 0 {
                            return Err(interp.arith_error());
                        }
                        a.checked_div(b)
                    }
                    Op::And => Some(a & b),
                    Op::Ior => Some(a | b),
                    Op::Xor => Some(a ^ b),
                };
                match r {
                    Some(r) => Acc::I(r),
                    None => Acc::B(big_op(interp, op, BigInt::from(a), &BigInt::from(b))?),
                }
            }
            (Acc::I(a), Num::Big(b)) => Acc::B(big_op(interp, op, BigInt::from(a), &b)?),
            (Acc::B(a), Num::Fix(b)) => Acc::B(big_op(interp, op, a, &BigInt::from(b))?),
            (Acc::B(a), Num::Big(b)) => Acc::B(big_op(interp, op, a, &b)?),
            (acc, next) => {
                if op.is_logical() {
                    return Err(interp.wrong_type(sym::INTEGER_OR_MARKER_P, v));
                }
                let a = match acc {
                    Acc::I(i) => i as f64,
                    Acc::B(b) => bigint_to_f64(&b),
                    Acc::F(f) => f,
                };
                Acc::F(float_op(op, a, num_to_f64(&next)))
            }
        };
    }
    match acc {
        Acc::I(i) => Ok(int_value(interp, i)),
        Acc::B(b) => make_integer(interp, b),
        Acc::F(f) => Ok(interp.make_float(f)),
    }
}

fn plus(interp: &mut Interp, args: &[Value]) -> LResult {
    if let [a, b] = args
        && let (Some(x), Some(y)) = (a.as_fixnum(), b.as_fixnum())
    {
        return Ok(int_value(interp, x + y));
    }
    match args.len() {
        0 => Ok(Value::fixnum(0)),
        1 => {
            check_number_or_marker(interp, args[0])?;
            Ok(args[0])
        }
        _ => arith(interp, Op::Add, args, false),
    }
}

fn minus(interp: &mut Interp, args: &[Value]) -> LResult {
    if let [a, b] = args
        && let (Some(x), Some(y)) = (a.as_fixnum(), b.as_fixnum())
    {
        return Ok(int_value(interp, x - y));
    }
    match args.len() {
        0 => Ok(Value::fixnum(0)),
        1 => match check_number_or_marker(interp, args[0])? {
            Num::Fix(i) => Ok(int_value(interp, -i)),
            Num::Float(f) => Ok(interp.make_float(-f)),
            Num::Big(b) => make_integer(interp, -b),
        },
        _ => arith(interp, Op::Sub, args, false),
    }
}

fn times(interp: &mut Interp, args: &[Value]) -> LResult {
    if let [a, b] = args
        && let (Some(x), Some(y)) = (a.as_fixnum(), b.as_fixnum())
    {
        if let Some(r) = x.checked_mul(y) {
            return Ok(int_value(interp, r));
        }
        return Ok(i128_value(interp, x as i128 * y as i128));
    }
    match args.len() {
        0 => Ok(Value::fixnum(1)),
        1 => {
            check_number_or_marker(interp, args[0])?;
            Ok(args[0])
        }
        _ => arith(interp, Op::Mul, args, false),
    }
}

fn quo(interp: &mut Interp, args: &[Value]) -> LResult {
    if let [a, b] = args
        && let (Some(x), Some(y)) = (a.as_fixnum(), b.as_fixnum())
        && y != 0
    {
        // Fixnum quotients always fit in an i64 (|x| <= 2^61).
        return Ok(int_value(interp, x / y));
    }
    if args.len() == 1 {
        check_number_or_marker(interp, args[0])?;
        return arith(interp, Op::Div, &[Value::fixnum(1), args[0]], false);
    }
    check_number_or_marker(interp, args[0])?;
    let all_float = args[2.min(args.len())..].iter().any(|v| v.is_float());
    arith(interp, Op::Div, args, all_float)
}

fn logand(interp: &mut Interp, args: &[Value]) -> LResult {
    logical(interp, Op::And, args, -1)
}

fn logior(interp: &mut Interp, args: &[Value]) -> LResult {
    logical(interp, Op::Ior, args, 0)
}

fn logxor(interp: &mut Interp, args: &[Value]) -> LResult {
    logical(interp, Op::Xor, args, 0)
}

fn logical(interp: &mut Interp, op: Op, args: &[Value], identity: i64) -> LResult {
    match args.len() {
        0 => Ok(Value::fixnum(identity)),
        1 => {
            check_integer_or_marker(interp, args[0])?;
            Ok(args[0])
        }
        _ => arith(interp, op, args, false),
    }
}

fn check_integer_or_marker(interp: &mut Interp, v: Value) -> LResult<Num> {
    if is_integer(&interp.heap, v) {
        Ok(num_of(&interp.heap, v).expect("integer"))
    } else {
        Err(interp.wrong_type(sym::INTEGER_OR_MARKER_P, v))
    }
}

fn check_integer(interp: &mut Interp, v: Value) -> LResult<Num> {
    if is_integer(&interp.heap, v) {
        Ok(num_of(&interp.heap, v).expect("integer"))
    } else {
        Err(interp.wrong_type(sym::INTEGERP, v))
    }
}

fn add1(interp: &mut Interp, args: &[Value]) -> LResult {
    if let Some(i) = args[0].as_fixnum() {
        return Ok(int_value(interp, i + 1));
    }
    match check_number_or_marker(interp, args[0])? {
        Num::Fix(i) => Ok(int_value(interp, i + 1)),
        Num::Float(f) => Ok(interp.make_float(f + 1.0)),
        Num::Big(b) => make_integer(interp, b + 1),
    }
}

fn sub1(interp: &mut Interp, args: &[Value]) -> LResult {
    if let Some(i) = args[0].as_fixnum() {
        return Ok(int_value(interp, i - 1));
    }
    match check_number_or_marker(interp, args[0])? {
        Num::Fix(i) => Ok(int_value(interp, i - 1)),
        Num::Float(f) => Ok(interp.make_float(f - 1.0)),
        Num::Big(b) => make_integer(interp, b - 1),
    }
}

/// `(% X Y)` and `(mod X Y)` on integers (Emacs's `integer_remainder`).
fn integer_remainder(interp: &mut Interp, x: Num, y: Num, modulo: bool) -> LResult {
    match (x, y) {
        (_, Num::Fix(0)) => Err(interp.arith_error()),
        (Num::Fix(a), Num::Fix(d)) => {
            let mut r = a % d;
            if modulo && (if d < 0 { r > 0 } else { r < 0 }) {
                r += d;
            }
            Ok(Value::fixnum(r))
        }
        (x, y) => {
            let a = num_to_bigint(x);
            let d = num_to_bigint(y);
            let mut r = &a % &d;
            if modulo && (if d.is_negative() { r.is_positive() } else { r.is_negative() }) {
                r += &d;
            }
            make_integer(interp, r)
        }
    }
}

fn num_to_bigint(n: Num) -> BigInt {
    match n {
        Num::Fix(i) => BigInt::from(i),
        Num::Big(b) => b,
        Num::Float(f) => BigInt::from_f64(f).unwrap_or_default(),
    }
}

fn rem(interp: &mut Interp, args: &[Value]) -> LResult {
    if let (Some(a), Some(d)) = (args[0].as_fixnum(), args[1].as_fixnum())
        && d != 0
    {
        return Ok(Value::fixnum(a % d));
    }
    let x = check_integer_or_marker(interp, args[0])?;
    let y = check_integer_or_marker(interp, args[1])?;
    integer_remainder(interp, x, y, false)
}

fn modulo(interp: &mut Interp, args: &[Value]) -> LResult {
    let x = check_number_or_marker(interp, args[0])?;
    let y = check_number_or_marker(interp, args[1])?;
    if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
        let f2 = num_to_f64(&y);
        let mut f1 = num_to_f64(&x) % f2;
        if if f2 < 0.0 { f1 > 0.0 } else { f1 < 0.0 } {
            f1 += f2;
        }
        return Ok(interp.make_float(f1));
    }
    integer_remainder(interp, x, y, true)
}

// ---------------------------------------------------------------------------
// Comparison.

/// Exact comparison of two numbers; `None` when a NaN is involved.
pub fn compare_nums(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Fix(x), Num::Fix(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Fix(x), Num::Float(y)) => cmp_int_float(*x, *y),
        (Num::Float(x), Num::Fix(y)) => cmp_int_float(*y, *x).map(Ordering::reverse),
        (Num::Big(x), Num::Float(y)) => cmp_big_float(x, *y),
        (Num::Float(x), Num::Big(y)) => cmp_big_float(y, *x).map(Ordering::reverse),
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
        (Num::Big(x), Num::Fix(_)) => Some(if x.is_negative() { Ordering::Less } else { Ordering::Greater }),
        (Num::Fix(_), Num::Big(y)) => Some(if y.is_negative() { Ordering::Greater } else { Ordering::Less }),
    }
}

/// Fixnum `i` against float `f`, exactly.
fn cmp_int_float(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    let fi = i as f64;
    match fi.partial_cmp(&f)? {
        Ordering::Equal => {
            // `fi` is an integer-valued double within +-2^61: exact in i64.
            Some(i.cmp(&(fi as i64)))
        }
        o => Some(o),
    }
}

fn cmp_big_float(b: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let t = f.trunc();
    let ti = BigInt::from_f64(t).unwrap_or_default();
    match b.cmp(&ti) {
        Ordering::Equal => {
            let frac = f - t;
            Some(if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            })
        }
        o => Some(o),
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

fn test_cmp(c: Cmp, o: Option<Ordering>) -> bool {
    match o {
        None => c == Cmp::Ne,
        Some(o) => match c {
            Cmp::Eq => o == Ordering::Equal,
            Cmp::Ne => o != Ordering::Equal,
            Cmp::Lt => o == Ordering::Less,
            Cmp::Le => o != Ordering::Greater,
            Cmp::Gt => o == Ordering::Greater,
            Cmp::Ge => o != Ordering::Less,
        },
    }
}

/// Emacs's `arithcompare`: both arguments must be numbers.
fn arithcompare(interp: &mut Interp, a: Value, b: Value, c: Cmp) -> LResult<bool> {
    if let (Some(x), Some(y)) = (a.as_fixnum(), b.as_fixnum()) {
        return Ok(test_cmp(c, Some(x.cmp(&y))));
    }
    let x = check_number_or_marker(interp, a)?;
    let y = check_number_or_marker(interp, b)?;
    Ok(test_cmp(c, compare_nums(&x, &y)))
}

#[inline]
fn compare_driver(interp: &mut Interp, args: &[Value], c: Cmp) -> LResult {
    for w in args.windows(2) {
        if !arithcompare(interp, w[0], w[1], c)? {
            return Ok(Value::NIL);
        }
    }
    Ok(Value::T)
}

fn num_eq(interp: &mut Interp, args: &[Value]) -> LResult {
    compare_driver(interp, args, Cmp::Eq)
}
fn num_ne(interp: &mut Interp, args: &[Value]) -> LResult {
    compare_driver(interp, args, Cmp::Ne)
}
fn num_lt(interp: &mut Interp, args: &[Value]) -> LResult {
    compare_driver(interp, args, Cmp::Lt)
}
fn num_gt(interp: &mut Interp, args: &[Value]) -> LResult {
    compare_driver(interp, args, Cmp::Gt)
}
fn num_le(interp: &mut Interp, args: &[Value]) -> LResult {
    compare_driver(interp, args, Cmp::Le)
}
fn num_ge(interp: &mut Interp, args: &[Value]) -> LResult {
    compare_driver(interp, args, Cmp::Ge)
}

/// Emacs's `minmax_driver`: the winning argument itself; a NaN argument
/// after the first wins at once.
fn minmax(interp: &mut Interp, args: &[Value], c: Cmp) -> LResult {
    let mut accum = args[0];
    let mut acc_num = check_number_or_marker(interp, accum)?;
    for &v in &args[1..] {
        let n = check_number_or_marker(interp, v)?;
        if test_cmp(c, compare_nums(&n, &acc_num)) {
            accum = v;
            acc_num = n;
        } else if let Num::Float(f) = n
            && f.is_nan()
        {
            return Ok(v);
        }
    }
    Ok(accum)
}

fn max(interp: &mut Interp, args: &[Value]) -> LResult {
    minmax(interp, args, Cmp::Gt)
}

fn min(interp: &mut Interp, args: &[Value]) -> LResult {
    minmax(interp, args, Cmp::Lt)
}

fn abs(interp: &mut Interp, args: &[Value]) -> LResult {
    let v = args[0];
    match check_num(interp, v, sym::NUMBERP)? {
        Num::Fix(i) if i < 0 => Ok(int_value(interp, -i)),
        Num::Float(f) if f.is_sign_negative() => Ok(interp.make_float(-f)),
        Num::Big(b) if b.is_negative() => make_integer(interp, -b),
        _ => Ok(v),
    }
}

fn float(interp: &mut Interp, args: &[Value]) -> LResult {
    let v = args[0];
    match check_num(interp, v, sym::NUMBERP)? {
        Num::Float(_) => Ok(v),
        n => {
            let f = num_to_f64(&n);
            Ok(interp.make_float(f))
        }
    }
}

fn zerop(interp: &mut Interp, args: &[Value]) -> LResult {
    // Emacs 28 defines it as (= 0 number).
    Ok(Value::bool(arithcompare(interp, Value::fixnum(0), args[0], Cmp::Eq)?))
}

// ---------------------------------------------------------------------------
// Rounding.

#[derive(Copy, Clone, PartialEq, Eq)]
enum Round {
    Trunc,
    Floor,
    Ceil,
    HalfEven,
}

fn round_double(kind: Round, d: f64) -> f64 {
    match kind {
        Round::Trunc => d.trunc(),
        Round::Floor => d.floor(),
        Round::Ceil => d.ceil(),
        Round::HalfEven => d.round_ties_even(),
    }
}

/// Integer division of `n` by `d` (non-zero) rounded as `kind`
/// (`round` halves to even, like Emacs's `rounddiv_q`).
fn int_divide(kind: Round, n: &BigInt, d: &BigInt) -> BigInt {
    match kind {
        Round::Trunc => n / d,
        Round::Floor => n.div_floor(d),
        Round::Ceil => n.div_ceil(d),
        Round::HalfEven => {
            let (q, r) = n.div_rem(d);
            let abs_r = r.abs();
            let abs_r1 = d.abs() - &abs_r;
            match abs_r.cmp(&abs_r1) {
                Ordering::Greater => adjust(q, n, d),
                Ordering::Equal if q.is_odd() => adjust(q, n, d),
                _ => q,
            }
        }
    }
}

fn adjust(q: BigInt, n: &BigInt, d: &BigInt) -> BigInt {
    if n.is_negative() == d.is_negative() { q + 1 } else { q - 1 }
}

fn int_divide_i128(kind: Round, n: i128, d: i128) -> i128 {
    match kind {
        Round::Trunc => n / d,
        Round::Floor => Integer::div_floor(&n, &d),
        Round::Ceil => Integer::div_ceil(&n, &d),
        Round::HalfEven => {
            let q = n / d;
            let r = n % d;
            let abs_r = r.abs();
            let abs_r1 = d.abs() - abs_r;
            if abs_r > abs_r1 || (abs_r == abs_r1 && q & 1 != 0) {
                if (n < 0) == (d < 0) { q + 1 } else { q - 1 }
            } else {
                q
            }
        }
    }
}

/// Emacs's `double_integer_scale`.
fn double_integer_scale(d: f64) -> i32 {
    const DBL_MANT_DIG: i32 = 53;
    const DBL_MIN_EXP: i32 = -1021;
    if d.is_nan() {
        return DBL_MANT_DIG - DBL_MIN_EXP + 2;
    }
    if d.is_infinite() {
        return DBL_MANT_DIG - DBL_MIN_EXP + 1;
    }
    if d == 0.0 || d.abs() < f64::MIN_POSITIVE {
        return DBL_MANT_DIG - DBL_MIN_EXP;
    }
    let exponent = ((d.abs().to_bits() >> 52) as i32) - 1023;
    DBL_MANT_DIG - 1 - exponent
}

/// A finite double as (integer mantissa, binary exponent), exactly.
fn decompose(d: f64) -> (BigInt, i32) {
    if d == 0.0 {
        return (BigInt::zero(), 0);
    }
    let bits = d.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp_bits - 1075) };
    let m = BigInt::from(m);
    (if d < 0.0 { -m } else { m }, e)
}

fn num_exact(n: Num) -> (BigInt, i32) {
    match n {
        Num::Fix(i) => (BigInt::from(i), 0),
        Num::Big(b) => (b, 0),
        Num::Float(f) => decompose(f),
    }
}

/// Emacs's `rounding_driver` for `truncate floor ceiling round`.
fn rounding(interp: &mut Interp, args: &[Value], kind: Round) -> LResult {
    let nv = args[0];
    let dv = args[1];
    if dv.is_nil() {
        if nv.is_fixnum() {
            return Ok(nv);
        }
        return match check_num(interp, nv, sym::NUMBERP)? {
            Num::Float(f) => float_to_integer(interp, round_double(kind, f)),
            _ => Ok(nv),
        };
    }
    let n = check_num(interp, nv, sym::NUMBERP)?;
    let d = check_num(interp, dv, sym::NUMBERP)?;
    let mut dscale = 0;
    match d {
        Num::Fix(0) => return Err(interp.arith_error()),
        Num::Fix(y) => {
            if let Num::Fix(x) = n {
                let r = int_divide_i128(kind, x as i128, y as i128);
                return Ok(i128_value(interp, r));
            }
        }
        Num::Float(y) => {
            if y == 0.0 {
                return Err(interp.arith_error());
            }
            dscale = double_integer_scale(y);
        }
        Num::Big(_) => {}
    }
    let nscale = if let Num::Float(x) = n { double_integer_scale(x) } else { 0 };
    const MAX_SCALE: i32 = 53 + 1021;
    if dscale == MAX_SCALE + 1 && nscale < dscale {
        return Ok(Value::fixnum(0));
    }
    if nscale > MAX_SCALE || dscale > MAX_SCALE {
        return Err(overflow_error(interp));
    }
    let (nm, ne) = num_exact(n);
    let (dm, de) = num_exact(d);
    let e = ne.min(de);
    let nm = nm << ((ne - e) as usize);
    let dm = dm << ((de - e) as usize);
    let q = int_divide(kind, &nm, &dm);
    make_integer(interp, q)
}

fn truncate(interp: &mut Interp, args: &[Value]) -> LResult {
    rounding(interp, args, Round::Trunc)
}
fn floor(interp: &mut Interp, args: &[Value]) -> LResult {
    rounding(interp, args, Round::Floor)
}
fn ceiling(interp: &mut Interp, args: &[Value]) -> LResult {
    rounding(interp, args, Round::Ceil)
}
fn round(interp: &mut Interp, args: &[Value]) -> LResult {
    rounding(interp, args, Round::HalfEven)
}

fn fround_kind(interp: &mut Interp, args: &[Value], kind: Round) -> LResult {
    let f = check_float_arg(interp, args[0])?;
    Ok(interp.make_float(round_double(kind, f)))
}

fn ffloor(interp: &mut Interp, args: &[Value]) -> LResult {
    fround_kind(interp, args, Round::Floor)
}
fn fceiling(interp: &mut Interp, args: &[Value]) -> LResult {
    fround_kind(interp, args, Round::Ceil)
}
fn fround(interp: &mut Interp, args: &[Value]) -> LResult {
    fround_kind(interp, args, Round::HalfEven)
}
fn ftruncate(interp: &mut Interp, args: &[Value]) -> LResult {
    fround_kind(interp, args, Round::Trunc)
}

// ---------------------------------------------------------------------------
// Bits and powers.

fn lognot(interp: &mut Interp, args: &[Value]) -> LResult {
    match check_integer(interp, args[0])? {
        Num::Fix(i) => Ok(Value::fixnum(!i)),
        n => make_integer(interp, !num_to_bigint(n)),
    }
}

fn logcount(interp: &mut Interp, args: &[Value]) -> LResult {
    let n = num_to_bigint(check_integer(interp, args[0])?);
    // Emacs counts the 1 bits of a nonnegative value, the 0 bits of a negative one.
    let m = if n.is_negative() { !n } else { n };
    let count: u64 = m.magnitude().to_u64_digits().iter().map(|d| d.count_ones() as u64).sum();
    Ok(Value::fixnum(count as i64))
}

fn ash_values(interp: &mut Interp, value: Value, count: Value) -> LResult {
    let v = check_integer(interp, value)?;
    let c = check_integer(interp, count)?;
    let c = match c {
        Num::Fix(c) => c,
        Num::Big(b) => {
            if value == Value::fixnum(0) {
                return Ok(value);
            }
            if b.is_negative() {
                let neg = match &v {
                    Num::Fix(i) => *i < 0,
                    Num::Big(b) => b.is_negative(),
                    Num::Float(_) => false,
                };
                return Ok(Value::fixnum(if neg { -1 } else { 0 }));
            }
            return Err(overflow_error(interp));
        }
        Num::Float(_) => unreachable!(),
    };
    if c == 0 {
        return Ok(value);
    }
    if c < 0 {
        if let Num::Fix(i) = v {
            let shift = c.unsigned_abs();
            return Ok(Value::fixnum(if shift < 64 { i >> shift } else if i < 0 { -1 } else { 0 }));
        }
        let b = num_to_bigint(v);
        let shift = c.unsigned_abs();
        if shift > INTEGER_WIDTH * 2 {
            return Ok(Value::fixnum(if b.is_negative() { -1 } else { 0 }));
        }
        // Arithmetic shift floors, like mpz_fdiv_q_2exp.
        return make_integer(interp, b >> (shift as usize));
    }
    let b = num_to_bigint(v);
    if b.is_zero() {
        return Ok(Value::fixnum(0));
    }
    if b.bits().saturating_add(c as u64) > INTEGER_WIDTH {
        return Err(overflow_error(interp));
    }
    make_integer(interp, b << (c as usize))
}

fn ash(interp: &mut Interp, args: &[Value]) -> LResult {
    ash_values(interp, args[0], args[1])
}

/// Emacs 28's `lsh` (defined in Lisp there).
fn lsh(interp: &mut Interp, args: &[Value]) -> LResult {
    let (mut value, mut count) = (args[0], args[1]);
    let zero = Value::fixnum(0);
    if arithcompare(interp, value, zero, Cmp::Lt)? && arithcompare(interp, count, zero, Cmp::Lt)? {
        let mnf = Value::fixnum(MOST_NEGATIVE_FIXNUM);
        if arithcompare(interp, value, mnf, Cmp::Lt)? {
            return Err(interp.args_out_of_range(value, count));
        }
        let shifted = ash_values(interp, value, Value::fixnum(-1))?;
        let slot = interp.push_root(shifted);
        let r = arith(interp, Op::And, &[shifted, Value::fixnum(MOST_POSITIVE_FIXNUM)], false);
        interp.stack.truncate(slot);
        value = r?;
        count = add1(interp, &[count])?;
    }
    let slot = interp.push_root(value);
    interp.stack.push(count);
    let r = ash_values(interp, value, count);
    interp.stack.truncate(slot);
    r
}

fn expt(interp: &mut Interp, args: &[Value]) -> LResult {
    let x = check_num(interp, args[0], sym::NUMBERP)?;
    let y = check_num(interp, args[1], sym::NUMBERP)?;
    let y_natnum = match &y {
        Num::Fix(i) => *i >= 0,
        Num::Big(b) => !b.is_negative(),
        Num::Float(_) => false,
    };
    if !matches!(x, Num::Float(_)) && y_natnum {
        return expt_integer(interp, x, y);
    }
    let r = num_to_f64(&x).powf(num_to_f64(&y));
    Ok(interp.make_float(r))
}

fn expt_integer(interp: &mut Interp, x: Num, y: Num) -> LResult {
    if let Num::Fix(b) = x {
        match b {
            1 => return Ok(Value::fixnum(1)),
            0 => return Ok(Value::fixnum(if matches!(y, Num::Fix(0)) { 1 } else { 0 })),
            -1 => {
                let odd = match &y {
                    Num::Fix(i) => i & 1 != 0,
                    Num::Big(b) => b.is_odd(),
                    Num::Float(_) => false,
                };
                return Ok(Value::fixnum(if odd { -1 } else { 1 }));
            }
            _ => {}
        }
    }
    let exp = match y {
        Num::Fix(i) => i as u64,
        _ => return Err(overflow_error(interp)),
    };
    let base = num_to_bigint(x);
    // |base| >= 2 here: the result has at least (bits-1)*exp+1 bits.
    let min_bits = (base.bits() - 1).saturating_mul(exp).saturating_add(1);
    if min_bits > INTEGER_WIDTH {
        return Err(overflow_error(interp));
    }
    let r = num_traits::pow::Pow::pow(&base, exp);
    make_integer(interp, r)
}

// ---------------------------------------------------------------------------
// Float functions.

fn float_fn(interp: &mut Interp, v: Value, f: fn(f64) -> f64) -> LResult {
    let d = extract_float(interp, v)?;
    Ok(interp.make_float(f(d)))
}

fn sqrt(interp: &mut Interp, args: &[Value]) -> LResult {
    float_fn(interp, args[0], f64::sqrt)
}
fn exp(interp: &mut Interp, args: &[Value]) -> LResult {
    float_fn(interp, args[0], f64::exp)
}
fn sin(interp: &mut Interp, args: &[Value]) -> LResult {
    float_fn(interp, args[0], f64::sin)
}
fn cos(interp: &mut Interp, args: &[Value]) -> LResult {
    float_fn(interp, args[0], f64::cos)
}
fn tan(interp: &mut Interp, args: &[Value]) -> LResult {
    float_fn(interp, args[0], f64::tan)
}
fn asin(interp: &mut Interp, args: &[Value]) -> LResult {
    float_fn(interp, args[0], f64::asin)
}
fn acos(interp: &mut Interp, args: &[Value]) -> LResult {
    float_fn(interp, args[0], f64::acos)
}

fn atan(interp: &mut Interp, args: &[Value]) -> LResult {
    let y = extract_float(interp, args[0])?;
    if args[1].is_nil() {
        return Ok(interp.make_float(y.atan()));
    }
    let x = extract_float(interp, args[1])?;
    Ok(interp.make_float(y.atan2(x)))
}

fn log(interp: &mut Interp, args: &[Value]) -> LResult {
    let d = extract_float(interp, args[0])?;
    let r = if args[1].is_nil() {
        d.ln()
    } else {
        let b = extract_float(interp, args[1])?;
        if b == 10.0 {
            d.log10()
        } else if b == 2.0 {
            d.log2()
        } else {
            d.ln() / b.ln()
        }
    };
    Ok(interp.make_float(r))
}

fn isnan(interp: &mut Interp, args: &[Value]) -> LResult {
    let f = check_float_arg(interp, args[0])?;
    Ok(Value::bool(f.is_nan()))
}

fn copysign(interp: &mut Interp, args: &[Value]) -> LResult {
    let a = check_float_arg(interp, args[0])?;
    let b = check_float_arg(interp, args[1])?;
    Ok(interp.make_float(a.copysign(b)))
}

/// C's `frexp`: (significand in [0.5, 1), exponent).
fn c_frexp(d: f64) -> (f64, i64) {
    if d == 0.0 || !d.is_finite() {
        return (d, 0);
    }
    let (m, e) = decompose(d);
    // d = m * 2^e with m an integer; normalise m to [0.5, 1).
    let bits = m.bits() as i64;
    let sig = bigint_to_f64(&m) / 2f64.powi(bits as i32);
    (sig, e as i64 + bits)
}

fn frexp(interp: &mut Interp, args: &[Value]) -> LResult {
    let d = extract_float(interp, args[0])?;
    let (sig, e) = c_frexp(d);
    let s = interp.make_float(sig);
    Ok(interp.cons(s, Value::fixnum(e)))
}

fn ldexp(interp: &mut Interp, args: &[Value]) -> LResult {
    let Some(e) = args[1].as_fixnum() else {
        return Err(interp.wrong_type(sym::FIXNUMP, args[1]));
    };
    let d = extract_float(interp, args[0])?;
    let e = e.clamp(-10000, 10000) as i32;
    // Two steps keep intermediate powers finite.
    let r = d * 2f64.powi(e / 2) * 2f64.powi(e - e / 2);
    Ok(interp.make_float(r))
}

fn logb(interp: &mut Interp, args: &[Value]) -> LResult {
    let v = args[0];
    let value = match check_num(interp, v, sym::NUMBERP)? {
        Num::Float(f) => {
            if f == 0.0 {
                return Ok(interp.make_float(f64::NEG_INFINITY));
            }
            if !f.is_finite() {
                return if f < 0.0 { Ok(interp.make_float(-f)) } else { Ok(v) };
            }
            c_frexp(f).1 - 1
        }
        Num::Big(b) => b.bits() as i64 - 1,
        Num::Fix(0) => return Ok(interp.make_float(f64::NEG_INFINITY)),
        Num::Fix(i) => 63 - i.unsigned_abs().leading_zeros() as i64,
    };
    Ok(Value::fixnum(value))
}

// ---------------------------------------------------------------------------
// random

/// glibc's `random()` (TYPE_3: degree 31, separation 3), which Emacs uses,
/// so that `(random "seed")` sequences match Emacs on GNU/Linux.
struct GlibcRandom {
    state: [i32; 31],
    f: usize,
    r: usize,
}

impl GlibcRandom {
    fn seeded(seed: u32) -> GlibcRandom {
        let seed = if seed == 0 { 1 } else { seed };
        let mut state = [0i32; 31];
        state[0] = seed as i32;
        let mut word = seed as i32;
        for slot in state.iter_mut().skip(1) {
            let hi = word as i64 / 127773;
            let lo = word as i64 % 127773;
            let mut w = 16807 * lo - 2836 * hi;
            if w < 0 {
                w += 2147483647;
            }
            word = w as i32;
            *slot = word;
        }
        let mut g = GlibcRandom { state, f: 3, r: 0 };
        for _ in 0..310 {
            g.next();
        }
        g
    }

    fn next(&mut self) -> u32 {
        let val = (self.state[self.f] as u32).wrapping_add(self.state[self.r] as u32);
        self.state[self.f] = val as i32;
        self.f += 1;
        if self.f >= 31 {
            self.f = 0;
            self.r += 1;
        } else {
            self.r += 1;
            if self.r >= 31 {
                self.r = 0;
            }
        }
        val >> 1
    }
}

thread_local! {
    static RNG: RefCell<GlibcRandom> = RefCell::new(GlibcRandom::seeded(seed_from_time()));
}

fn seed_from_time() -> u32 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0x9e37_79b9);
    (t ^ (t >> 32) ^ ((std::process::id() as u64) << 16)) as u32
}

/// Emacs's `seed_random`: the bytes folded into a 4-byte seed.
fn seed_random(bytes: &[u8]) {
    let mut arg = [0u8; 4];
    for (i, &b) in bytes.iter().enumerate() {
        arg[i % 4] ^= b;
    }
    let seed = u32::from_le_bytes(arg);
    RNG.with(|c| *c.borrow_mut() = GlibcRandom::seeded(seed));
}

/// Emacs's `get_random`: 62 random bits.
fn get_random() -> u64 {
    RNG.with(|c| {
        let mut g = c.borrow_mut();
        let mut val: u64 = 0;
        for _ in 0..2 {
            val = (g.next() as u64) ^ (val << 31) ^ (val >> (64 - 31));
        }
        val ^= val >> (64 - 62);
        val & ((1u64 << 62) - 1)
    })
}

/// A 62-bit pattern as a fixnum (Emacs's `make_fixnum` wraps).
fn wrap_fixnum(bits: u64) -> Value {
    Value::fixnum(((bits << 2) as i64) >> 2)
}

fn random(interp: &mut Interp, args: &[Value]) -> LResult {
    let limit = args[0];
    if limit == Value::T {
        let seed = seed_from_time();
        RNG.with(|c| *c.borrow_mut() = GlibcRandom::seeded(seed));
    } else if limit.is_string() {
        let s = interp.heap.str(limit).as_bytes().to_vec();
        seed_random(&s);
    }
    if interp.heap.is_bignum(limit) {
        let b = bignum_to_bigint(&interp.heap, limit);
        if b.is_negative() {
            return Err(interp.wrong_type(sym::NATNUMP, limit));
        }
        let nbits = b.bits() + 62;
        let mut r = BigUint::zero();
        let mut got = 0;
        while got < nbits {
            r = (r << 62usize) + BigUint::from(get_random());
            got += 62;
        }
        let r = BigInt::from(r) % b;
        return make_integer(interp, r);
    }
    let intmask = (1u64 << 62) - 1;
    let mut val = get_random();
    if let Some(lim) = limit.as_fixnum()
        && lim > 0
    {
        let lim = lim as u64;
        loop {
            let remainder = val % lim;
            if val - remainder <= intmask - lim + 1 {
                return Ok(Value::fixnum(remainder as i64));
            }
            val = get_random();
        }
    }
    Ok(wrap_fixnum(val))
}

// ---------------------------------------------------------------------------
// Conversion to and from strings.

fn number_to_string(interp: &mut Interp, args: &[Value]) -> LResult {
    let v = args[0];
    let s = if let Some(i) = v.as_fixnum() {
        i.to_string()
    } else if v.is_float() {
        crate::interp::printer::format_float(interp.heap.float(v))
    } else if interp.heap.is_bignum(v) {
        integer_to_string(&interp.heap, v, 10)
    } else {
        return Err(interp.wrong_type(sym::NUMBERP, v));
    };
    Ok(interp.make_string(&s))
}

/// The value of a digit in `base`: `Some(d)` if valid.
fn digit_to_number(c: u8, base: u32) -> Option<u32> {
    let d = match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => return None,
    };
    (d < base).then_some(d)
}

/// A parsed number prefix.
#[derive(Debug, PartialEq)]
pub enum Parsed {
    Int(BigInt),
    Float(f64),
}

/// Emacs's `string_to_number`: parses the longest number prefix of `s` in
/// `base` (floats only in base 10). Returns the number and the length of
/// the prefix consumed, or `None` if there is no number.
pub fn parse_number_prefix(s: &[u8], base: u32) -> Option<(Parsed, usize)> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut cp = 0;
    let negative = at(0) == b'-';
    let positive = at(0) == b'+';
    let signedp = negative || positive;
    if signedp {
        cp += 1;
    }
    let digits_start = cp;
    let mut lead_int = false;
    let mut trail_int = false;
    let mut e_exp = false;
    // The leading digits' value modulo 2^64 (Emacs's uintmax_t `n`), used
    // as the payload of a NaN.
    let mut wrapped: u64 = 0;
    while let Some(d) = digit_to_number(at(cp), base) {
        lead_int = true;
        wrapped = wrapped.wrapping_mul(base as u64).wrapping_add(d as u64);
        cp += 1;
    }
    let after_digits = cp;
    if at(cp) == b'.' {
        cp += 1;
    }
    let mut special: Option<f64> = None;
    if base == 10 {
        if at(cp).is_ascii_digit() {
            trail_int = true;
            while at(cp).is_ascii_digit() {
                cp += 1;
            }
        }
        if at(cp) == b'e' || at(cp) == b'E' {
            let ecp = cp;
            cp += 1;
            if at(cp) == b'+' || at(cp) == b'-' {
                cp += 1;
            }
            if at(cp).is_ascii_digit() {
                e_exp = true;
                while at(cp).is_ascii_digit() {
                    cp += 1;
                }
            } else if at(cp - 1) == b'+' && s[cp..].starts_with(b"INF") {
                e_exp = true;
                cp += 3;
                special = Some(f64::INFINITY);
            } else if at(cp - 1) == b'+' && s[cp..].starts_with(b"NaN") {
                e_exp = true;
                cp += 3;
                special = Some(f64::from_bits(0x7ff8_0000_0000_0000 | (wrapped & ((1 << 51) - 1))));
            } else {
                cp = ecp;
            }
        }
    }
    let float_syntax = base == 10 && (trail_int || (lead_int && e_exp));
    if float_syntax {
        let value = match special {
            Some(v) => v,
            None => {
                // atof on the unsigned text: parse the decimal prefix we lexed.
                let text = std::str::from_utf8(&s[digits_start..cp]).unwrap_or("0");
                parse_decimal_float(text)
            }
        };
        return Some((Parsed::Float(if negative { -value } else { value }), cp));
    }
    if !lead_int {
        return None;
    }
    let mut n = BigInt::zero();
    let mut small: u64 = 0;
    let mut small_ok = true;
    for &c in &s[digits_start..after_digits] {
        let d = digit_to_number(c, base).unwrap_or(0);
        if small_ok {
            match small.checked_mul(base as u64).and_then(|x| x.checked_add(d as u64)) {
                Some(x) => small = x,
                None => {
                    small_ok = false;
                    n = BigInt::from(small);
                    n = n * base + d;
                }
            }
        } else {
            n = n * base + d;
        }
    }
    if small_ok {
        n = BigInt::from(small);
    }
    if negative {
        n = -n;
    }
    Some((Parsed::Int(n), cp))
}

/// Decimal text such as `1.5e3`, `.5`, `1.` (as C's `atof` reads it).
fn parse_decimal_float(text: &str) -> f64 {
    // Rust's parser rejects "1." and ".5e3"-style forms only in some
    // versions; normalise to be safe.
    let mut t = String::with_capacity(text.len() + 2);
    let (mant, exp) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], &text[i..]),
        None => (text, ""),
    };
    if mant.starts_with('.') {
        t.push('0');
    }
    t.push_str(mant);
    if mant.ends_with('.') {
        t.push('0');
    }
    t.push_str(exp);
    t.parse::<f64>().unwrap_or(0.0)
}

fn string_to_number(interp: &mut Interp, args: &[Value]) -> LResult {
    let s = args[0];
    if !s.is_string() {
        return Err(interp.wrong_type(sym::STRINGP, s));
    }
    let base = if args[1].is_nil() {
        10
    } else {
        let Some(b) = args[1].as_fixnum() else {
            return Err(interp.wrong_type(sym::FIXNUMP, args[1]));
        };
        if !(2..=16).contains(&b) {
            return Err(interp.signal_list(sym::ARGS_OUT_OF_RANGE, &[args[1]]));
        }
        b as u32
    };
    let text = interp.heap.str(s).as_bytes();
    let start = text.iter().position(|&c| c != b' ' && c != b'\t').unwrap_or(text.len());
    let parsed = parse_number_prefix(&text[start..], base);
    match parsed {
        None => Ok(Value::fixnum(0)),
        Some((Parsed::Int(n), _)) => make_integer(interp, n),
        Some((Parsed::Float(f), _)) => Ok(interp.make_float(f)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(interp: &mut Interp, f: SubrFnName, args: &[Value]) -> LResult {
        f(interp, args)
    }
    type SubrFnName = fn(&mut Interp, &[Value]) -> LResult;

    #[test]
    fn fixnum_overflow_promotes_and_normalises() {
        let mut i = Interp::bare();
        let mpf = Value::fixnum(MOST_POSITIVE_FIXNUM);
        let one = Value::fixnum(1);
        let big = call(&mut i, plus, &[mpf, one]).unwrap();
        assert!(i.heap.is_bignum(big));
        let slot = i.push_root(big);
        let back = call(&mut i, minus, &[big, one]).unwrap();
        assert_eq!(back, mpf);
        let back2 = call(&mut i, sub1, &[big]).unwrap();
        assert_eq!(back2, mpf);
        i.stack.truncate(slot);
        let t = call(&mut i, times, &[mpf, Value::fixnum(2)]).unwrap();
        assert_eq!(integer_to_string(&i.heap, t, 10), "4611686018427387902");
        let q = call(&mut i, quo, &[Value::fixnum(MOST_NEGATIVE_FIXNUM), Value::fixnum(-1)]).unwrap();
        assert_eq!(integer_to_string(&i.heap, q, 10), "2305843009213693952");
    }

    #[test]
    fn division_and_contagion() {
        let mut i = Interp::bare();
        let five = Value::fixnum(5);
        let two = Value::fixnum(2);
        let twof = i.make_float(2.0);
        let slot = i.push_root(twof);
        let r = call(&mut i, quo, &[five, two, twof]).unwrap();
        assert_eq!(i.heap.float(r), 1.25);
        assert!(call(&mut i, quo, &[five, Value::fixnum(0)]).is_err());
        let r = call(&mut i, quo, &[Value::fixnum(8)]).unwrap();
        assert_eq!(r, Value::fixnum(0));
        let r = call(&mut i, quo, &[Value::fixnum(-7), two]).unwrap();
        assert_eq!(r, Value::fixnum(-3));
        i.stack.truncate(slot);
    }

    #[test]
    fn string_prefixes() {
        let p = |s: &str, b| parse_number_prefix(s.as_bytes(), b).map(|x| x.0);
        assert_eq!(p("12abc", 10), Some(Parsed::Int(BigInt::from(12))));
        assert_eq!(p(".5", 10), Some(Parsed::Float(0.5)));
        assert_eq!(p("1e3", 10), Some(Parsed::Float(1000.0)));
        assert_eq!(p("1.", 10), Some(Parsed::Int(BigInt::from(1))));
        assert_eq!(p("1.e2", 10), Some(Parsed::Float(100.0)));
        assert_eq!(p("-", 10), None);
        assert_eq!(p("", 10), None);
        assert_eq!(p("1.5", 16), Some(Parsed::Int(BigInt::from(1))));
        assert_eq!(p("-ff", 16), Some(Parsed::Int(BigInt::from(-255))));
        assert_eq!(p("1.0e+INF", 10), Some(Parsed::Float(f64::INFINITY)));
        assert_eq!(p("1e+", 10), Some(Parsed::Int(BigInt::from(1))));
        assert_eq!(
            p("123456789012345678901234567890", 10),
            Some(Parsed::Int("123456789012345678901234567890".parse().unwrap()))
        );
    }

    #[test]
    fn rounding_divisions() {
        assert_eq!(int_divide_i128(Round::HalfEven, 5, 2), 2);
        assert_eq!(int_divide_i128(Round::HalfEven, 7, 2), 4);
        assert_eq!(int_divide_i128(Round::HalfEven, -7, 2), -4);
        assert_eq!(int_divide_i128(Round::Floor, -7, 2), -4);
        assert_eq!(int_divide_i128(Round::Ceil, 7, 2), 4);
        assert_eq!(int_divide(Round::HalfEven, &BigInt::from(-10), &BigInt::from(4)), BigInt::from(-2));
        assert_eq!(double_integer_scale(1.0), 52);
        assert_eq!(double_integer_scale(0.0), 1074);
        assert_eq!(double_integer_scale(f64::INFINITY), 1075);
        assert_eq!(double_integer_scale(f64::NAN), 1076);
        assert_eq!(c_frexp(8.0), (0.5, 4));
    }

    #[test]
    fn exact_comparisons() {
        let a = Num::Fix(9007199254740993);
        let b = Num::Float(9007199254740992.0);
        assert_eq!(compare_nums(&a, &b), Some(Ordering::Greater));
        assert_eq!(compare_nums(&Num::Float(f64::NAN), &a), None);
        let big = Num::Big(BigInt::from(1) << 70usize);
        assert_eq!(compare_nums(&big, &Num::Float(1e300)), Some(Ordering::Less));
        assert_eq!(compare_nums(&big, &Num::Float(2f64.powi(70))), Some(Ordering::Equal));
        assert_eq!(compare_nums(&big, &Num::Float(2f64.powi(70) + 1e6)), Some(Ordering::Less));
    }
}
