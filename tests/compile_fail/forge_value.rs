// A `Value` is a rooted handle: it cannot be made from bits (the engine's
// tagged words are crate-private).
fn main() {
    let _forged = minilisp::Value::from_bits(1);
}
