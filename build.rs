//! Computes the build fingerprint: a SHA-256 over everything that decides
//! the heap layout and the built-ins (sources, the Lisp prelude, the lock
//! file, the compiler version, target, profile and features). A dump is
//! only ever loaded by a build with the same fingerprint.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut files = Vec::new();
    for dir in ["src", "lisp"] {
        collect(&root.join(dir), &mut files);
        println!("cargo:rerun-if-changed={dir}");
    }
    for f in ["Cargo.lock", "Cargo.toml", "build.rs"] {
        files.push(root.join(f));
        println!("cargo:rerun-if-changed={f}");
    }
    files.sort();
    let mut h = Sha256::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap_or(f);
        h.update(rel.to_string_lossy().as_bytes());
        h.update([0]);
        h.update(std::fs::read(f).unwrap_or_default());
        h.update([0]);
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc).arg("-vV").output().map(|o| o.stdout).unwrap_or_default();
    h.update(&version);
    for var in ["TARGET", "PROFILE", "OPT_LEVEL", "DEBUG"] {
        h.update(var.as_bytes());
        h.update(std::env::var(var).unwrap_or_default().as_bytes());
    }
    let mut features: Vec<String> = std::env::vars().map(|(k, _)| k).filter(|k| k.starts_with("CARGO_FEATURE_")).collect();
    features.sort();
    h.update(features.join(",").as_bytes());
    let digest: [u8; 32] = h.finalize().into();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("fingerprint.rs");
    std::fs::write(out, format!("/// This build's fingerprint: SHA-256 over everything that decides the heap layout and the built-ins.\npub const FINGERPRINT: [u8; 32] = {digest:?};\n")).unwrap();
}
