// Loading a dump without checking its objects is `unsafe`: a damaged file
// could then cause undefined behaviour.
use minilisp::pdump::{self, LoadOptions};

fn main() {
    let _ = pdump::load_file_trusted(std::path::Path::new("x.pdmp"), LoadOptions::default());
}
