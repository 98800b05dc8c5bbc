//! This build's fingerprint (computed by build.rs).

include!(concat!(env!("OUT_DIR"), "/fingerprint.rs"));

/// Lower-case hex of a fingerprint.
pub fn hex(f: &[u8; 32]) -> String {
    f.iter().map(|b| format!("{b:02x}")).collect()
}
