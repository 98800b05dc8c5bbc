//! Fuzzes the dump loader with the input as it is (the fingerprint and
//! every checksum must hold, so only seeds written by this very build get
//! past the header: see `gen_seeds`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        minilisp_fuzz::run_dump(data.to_vec());
    });
}
