//! Fuzzes the real file path: the input, after `fixup` (as in
//! dump_loader_fixed), is written to a file and loaded with `load_file`
//! twice, mapped privately at the preferred address and then relocated
//! (`MINILISP_DUMP_RELOCATE=1`), each load followed by `DUMP_PROGRAM`;
//! the two loads must agree. Verification records go to a private
//! directory (see `file_dir`), never to the user's cache.
fn main() {
    // Before the fork server starts: its children share the directory.
    let dir = minilisp_fuzz::file_dir();
    afl::fuzz!(|data: &[u8]| {
        let mut bytes = data.to_vec();
        minilisp_fuzz::fixup(&mut bytes);
        minilisp_fuzz::run_dump_file_both(bytes);
    });
    // Replaying one input (outside AFL) ends here: leave nothing behind.
    let _ = std::fs::remove_dir_all(dir);
}
