//! Fuzzes the dump loader after `fixup`: fingerprint, file length and all
//! checksums are made right, so mutations reach the section table, the
//! sections, the object checks, relocation and the loaded heap.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let mut bytes = data.to_vec();
        minilisp_fuzz::fixup(&mut bytes);
        minilisp_fuzz::run_dump(bytes);
    });
}
