// A `Value` cannot be assembled from its fields (an interpreter id and a
// handle slot): only the interpreter makes handles, rooting the value.
fn main() {
    let _assembled = minilisp::Value { owner: 1, slot: 0, handles: Default::default() };
}
