// The engine's modules (tagged values and the collector, the evaluator)
// cannot be named from outside the crate.
use minilisp::gc::Value;
use minilisp::interp::Interp;

fn main() {
    let _ = Value::NIL;
    let _ = Interp::bare();
}
