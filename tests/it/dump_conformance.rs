//! Dump conformance: each `tests/conformance/split/NAME.setup.el` is loaded
//! and dumped to a real file; a fresh interpreter loads the dump and then
//! `NAME.check.el`. The output of both parts together must equal what GNU
//! Emacs printed running both in one process
//! (`tests/conformance/record-split.sh`, `expected/split-NAME.*`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use minilisp::Lisp;
use minilisp::pdump::{self, LoadOptions};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

fn load(lisp: &mut Lisp, file: &Path) {
    let form = format!("(load {:?} nil t)", file.to_string_lossy());
    if let Err(e) = lisp.eval(&form) {
        panic!("loading {}: {}", file.display(), e.message);
    }
}

fn run_split(name: &str, dir: &Path) -> Option<String> {
    let (out, err) = (Capture::default(), Capture::default());
    let mut boot = Lisp::new().expect("boot");
    boot.set_stdout(Box::new(out.clone()));
    boot.set_stderr(Box::new(err.clone()));
    load(&mut boot, &root().join(format!("split/{name}.setup.el")));
    let dump = dir.join(format!("{name}.pdmp"));
    pdump::dump_to_file(&mut boot, &dump).expect("dump");
    drop(boot);
    let mut loaded = pdump::load_file(&dump, LoadOptions::default()).expect("load dump");
    loaded.set_stdout(Box::new(out.clone()));
    loaded.set_stderr(Box::new(err.clone()));
    load(&mut loaded, &root().join(format!("split/{name}.check.el")));
    let got_out = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
    let got_err = String::from_utf8(err.0.lock().unwrap().clone()).unwrap();
    let want = |ext: &str| std::fs::read_to_string(root().join(format!("expected/split-{name}.{ext}"))).unwrap();
    let mut problems = Vec::new();
    if got_out != want("out") {
        problems.push(format!("stdout:\n--- minilisp\n{got_out}\n--- emacs\n{}", want("out")));
    }
    if got_err != want("err") {
        problems.push(format!("stderr:\n--- minilisp\n{got_err}\n--- emacs\n{}", want("err")));
    }
    (!problems.is_empty()).then(|| problems.join("\n"))
}

#[test]
fn dumped_setup_then_check_matches_emacs_in_one_process() {
    let dir = std::env::temp_dir().join(format!("minilisp-split-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(root().join("split"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".setup.el").map(String::from))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let mut failed = 0;
    for name in &names {
        if let Some(p) = run_split(name, &dir) {
            eprintln!("FAIL split-{name}\n{p}");
            failed += 1;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("dump conformance: {} passed, {failed} failed", names.len() - failed);
    assert_eq!(failed, 0);
}
