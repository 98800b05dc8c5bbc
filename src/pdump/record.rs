//! Verification records: "this file, as it is now, was fully verified by
//! this build (or written by it)", so that a dump is verified once and then
//! trusted for as long as it does not change.
//!
//! A record holds the file's identity (device, inode, size, mtime
//! and ctime to the nanosecond, owner), the build fingerprint and the
//! header checksum, and the moment the file was looked at. It lives in the
//! cache directory, `verified/` under [`super::cache_dir`] (or in
//! `$MINILISP_RECORD_DIR`, read on every call, so that tests can point
//! child processes elsewhere), one small file per dump named by a hash of
//! (device, inode), written atomically (temporary file and rename).
//!
//! Any change to the file changes its identity: writing it (in place, or a
//! copy over it) sets its ctime, which no user can set back (`utimensat`
//! sets mtime and atime only, and itself sets the ctime); replacing it by a
//! rename gives a new inode. A record that cannot be read, is too long,
//! does not decode or does not match field for field means "not
//! verified", never an error; a record that cannot be written is not
//! written. Files owned by another user are never recorded: they are
//! verified every time.
//!
//! **Racy files.** File timestamps come from a clock that ticks coarsely
//! (a few milliseconds; a second on some file systems), so a file changed
//! twice within one tick keeps its ctime. A record is therefore only made,
//! and only believed, when the file's ctime lies clearly before the moment
//! the file was looked at (the rule Git applies to "racily clean" index
//! entries): then any later change stamps a later ctime. A file changed
//! just before it was verified (or just written) is simply verified again
//! on its next load.

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

use bincode::{Decode, Encode};
use sha2::{Digest, Sha256};

/// Environment variable naming the records directory (overrides the cache).
pub const RECORD_DIR_ENV: &str = "MINILISP_RECORD_DIR";

/// The longest record accepted (an encoded record is about 110 bytes).
const RECORD_LIMIT: usize = 256;

/// Changes with the meaning of a record: an older record never matches.
const RECORD_VERSION: u32 = 1;

/// How much older than the moment it is looked at a file's ctime must be
/// for a record, on file systems whose timestamps are rounded to
/// milliseconds (FAT's 10 ms). Nanosecond timestamps need only the coarse
/// clock to have moved past the ctime; whole-second ones (a ctime with zero
/// nanoseconds) are compared in whole seconds.
const RACY_MARGIN_NS: i128 = 20_000_000;

/// What identifies one version of a file: any change to the file's bytes
/// changes at least the ctime (or, for a file replaced by rename, the
/// inode).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub(crate) struct FileIdentity {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime_sec: i64,
    pub mtime_nsec: i64,
    pub ctime_sec: i64,
    pub ctime_nsec: i64,
    pub uid: u32,
}

impl FileIdentity {
    /// The identity of the open `file` (fstat).
    pub fn of(file: &File) -> std::io::Result<FileIdentity> {
        let m = file.metadata()?;
        Ok(FileIdentity {
            dev: m.dev(),
            ino: m.ino(),
            size: m.size(),
            mtime_sec: m.mtime(),
            mtime_nsec: m.mtime_nsec(),
            ctime_sec: m.ctime(),
            ctime_nsec: m.ctime_nsec(),
            uid: m.uid(),
        })
    }

    fn ctime_ns(&self) -> i128 {
        self.ctime_sec as i128 * 1_000_000_000 + self.ctime_nsec as i128
    }
}

/// A file's identity together with the moment it was taken (read from the
/// clock that stamps files, just before the fstat). Take it before the
/// file's bytes are read, so that no change made while they are verified
/// can leave a matching identity behind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Observation {
    pub identity: FileIdentity,
    /// Nanoseconds since the epoch.
    pub at_ns: i128,
}

impl Observation {
    /// Looks at the open `file` now.
    pub fn of(file: &File) -> std::io::Result<Observation> {
        let at_ns = file_clock_ns();
        Ok(Observation { identity: FileIdentity::of(file)?, at_ns })
    }

    /// Whether a record says this version of the file was verified by a
    /// build with `fingerprint` (and this header checksum).
    pub fn is_verified(&self, fingerprint: &[u8; 32], header_checksum: u64) -> bool {
        if !self.recordable() {
            return false;
        }
        let Some(path) = record_path(&self.identity) else { return false };
        let Some(rec) = read_record(&path) else { return false };
        let wanted = Record::new(self, fingerprint, header_checksum);
        // Field for field, except when the record's observation was made,
        // which must show this version of the file as settled then, and
        // not lie in the future (a clock set back).
        rec.version == wanted.version
            && rec.identity == wanted.identity
            && rec.fingerprint == wanted.fingerprint
            && rec.header_checksum == wanted.header_checksum
            && settled(&rec.identity, rec.observed_at_ns())
            && rec.observed_at_ns() <= file_clock_ns()
    }

    /// Records that this version of the file was verified (or written) by
    /// a build with `fingerprint`. Does nothing when that cannot be known
    /// safely (a racy ctime, another user's file) or stored.
    pub(crate) fn remember(&self, fingerprint: &[u8; 32], header_checksum: u64) {
        if !self.recordable() || !settled(&self.identity, self.at_ns) {
            return;
        }
        let Some(path) = record_path(&self.identity) else { return };
        let bytes = match bincode::encode_to_vec(Record::new(self, fingerprint, header_checksum), config()) {
            Ok(b) if b.len() <= RECORD_LIMIT => b,
            _ => return,
        };
        let _ = write_atomically(&path, &bytes);
    }

    /// Whether any later change to the file must show in its identity
    /// (its ctime lies far enough before this observation).
    pub fn settled(&self) -> bool {
        settled(&self.identity, self.at_ns)
    }

    /// Only the effective user's own files are recorded.
    fn recordable(&self) -> bool {
        // SAFETY: geteuid has no preconditions and cannot fail.
        self.identity.uid == unsafe { libc::geteuid() }
    }
}

/// Records `file`, which this build just wrote, as verified: waits (a few
/// tens of milliseconds at most) until its ctime has settled, so a change
/// made after the record is certain to show. On a file system with
/// whole-second timestamps it does not wait, and records nothing.
pub(crate) fn remember_written(file: &File, fingerprint: &[u8; 32], header_checksum: u64) {
    // At most about 50 ms: a clock tick is 1 to 10 ms, a FAT granule 10 ms.
    for _ in 0..25 {
        let Ok(seen) = Observation::of(file) else { return };
        if settled(&seen.identity, seen.at_ns) {
            seen.remember(fingerprint, header_checksum);
            return;
        }
        if seen.identity.ctime_nsec == 0 {
            return;
        }
        // Nanosecond timestamps wait for the next clock tick; rounded ones
        // for the margin (plus a millisecond: the coarse clock ticks).
        let wait = if seen.identity.ctime_nsec % 1_000_000 != 0 {
            1_000_000
        } else {
            (seen.identity.ctime_ns() + RACY_MARGIN_NS - seen.at_ns).clamp(1_000_000, RACY_MARGIN_NS) + 1_000_000
        };
        std::thread::sleep(std::time::Duration::from_nanos(wait as u64));
    }
}

/// Whether a record says `file`, as it is now, was verified by a build
/// with `fingerprint` and has the header checksum `header_checksum`.
pub fn is_verified(file: &File, fingerprint: &[u8; 32], header_checksum: u64) -> bool {
    Observation::of(file).is_ok_and(|o| o.is_verified(fingerprint, header_checksum))
}

/// The header checksum of dump `bytes` (the u64 at header bytes 80..88).
pub fn header_checksum(bytes: &[u8]) -> Option<u64> {
    bytes.get(80..88).map(|b| u64::from_le_bytes(b.try_into().unwrap()))
}

/// Where records are kept: `$MINILISP_RECORD_DIR`, else `verified/` in the
/// cache directory. Read on every call.
pub fn record_dir() -> Option<PathBuf> {
    match std::env::var_os(RECORD_DIR_ENV) {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => super::cache_dir().map(|c| c.join("verified")),
    }
}

/// The record of one (device, inode).
#[derive(Debug, PartialEq, Eq, Encode, Decode)]
struct Record {
    version: u32,
    identity: FileIdentity,
    fingerprint: [u8; 32],
    header_checksum: u64,
    observed_sec: i64,
    observed_nsec: u32,
}

impl Record {
    fn new(o: &Observation, fingerprint: &[u8; 32], header_checksum: u64) -> Record {
        Record {
            version: RECORD_VERSION,
            identity: o.identity,
            fingerprint: *fingerprint,
            header_checksum,
            observed_sec: o.at_ns.div_euclid(1_000_000_000) as i64,
            observed_nsec: o.at_ns.rem_euclid(1_000_000_000) as u32,
        }
    }

    fn observed_at_ns(&self) -> i128 {
        self.observed_sec as i128 * 1_000_000_000 + self.observed_nsec as i128
    }
}

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<RECORD_LIMIT>()
}

/// Whether a change made at or after `at_ns` must give the file another
/// ctime than `id`'s.
fn settled(id: &FileIdentity, at_ns: i128) -> bool {
    if id.ctime_nsec == 0 {
        // Whole-second timestamps (or, rarely, a round value): compare seconds.
        (id.ctime_sec as i128) < at_ns.div_euclid(1_000_000_000)
    } else if id.ctime_nsec % 1_000_000 != 0 {
        // Nanosecond timestamps (ext4, xfs, btrfs, tmpfs): stamped from the
        // coarse clock or finer, never below it, so once the coarse clock
        // has passed the ctime every later change stamps a later one.
        id.ctime_ns() < at_ns
    } else {
        // Rounded timestamps (FAT's 10 ms): a margin of two granules.
        id.ctime_ns() + RACY_MARGIN_NS <= at_ns
    }
}

/// Now, from the clock the kernel stamps files with (the coarse realtime
/// clock on Linux: the fine clock can run ahead of every stamp).
fn file_clock_ns() -> i128 {
    #[cfg(target_os = "linux")]
    let clock = libc::CLOCK_REALTIME_COARSE;
    #[cfg(not(target_os = "linux"))]
    let clock = libc::CLOCK_REALTIME;
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write; the clock id exists.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return i128::MIN; // never settled: nothing is recorded or believed
    }
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn record_path(id: &FileIdentity) -> Option<PathBuf> {
    let mut h = Sha256::new();
    h.update(id.dev.to_le_bytes());
    h.update(id.ino.to_le_bytes());
    let name: String = h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect();
    Some(record_dir()?.join(name))
}

/// The decoded record at `path`, if it is one.
fn read_record(path: &std::path::Path) -> Option<Record> {
    let mut bytes = Vec::new();
    File::open(path).ok()?.take(RECORD_LIMIT as u64 + 1).read_to_end(&mut bytes).ok()?;
    if bytes.len() > RECORD_LIMIT {
        return None;
    }
    match bincode::decode_from_slice::<Record, _>(&bytes, config()) {
        Ok((rec, used)) if used == bytes.len() => Some(rec),
        _ => None,
    }
}

fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    let dir = path.parent().expect("a record path has a directory");
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = path.file_name().unwrap().to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp.{}.{serial}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp)?;
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity() -> FileIdentity {
        FileIdentity {
            dev: 1,
            ino: 2,
            size: 3,
            mtime_sec: 1_700_000_000,
            mtime_nsec: 5,
            ctime_sec: 1_700_000_000,
            ctime_nsec: 7,
            uid: 8,
        }
    }

    #[test]
    fn records_round_trip_within_the_limit() {
        let o = Observation { identity: identity(), at_ns: 1_700_000_001_000_000_000 };
        let rec = Record::new(&o, &[9; 32], 10);
        let bytes = bincode::encode_to_vec(&rec, config()).unwrap();
        assert!(bytes.len() <= RECORD_LIMIT, "{}", bytes.len());
        let (back, used): (Record, usize) = bincode::decode_from_slice(&bytes, config()).unwrap();
        assert_eq!((back, used), (rec, bytes.len()));
        // Truncated or oversized input is refused, not a panic.
        for n in 0..bytes.len() {
            assert!(bincode::decode_from_slice::<Record, _>(&bytes[..n], config()).is_err());
        }
    }

    #[test]
    fn racy_ctimes_are_not_settled() {
        // Nanosecond timestamps: settled once the clock is past the ctime.
        let id = identity(); // ctime 1_700_000_000.000000007
        let ct = id.ctime_ns();
        assert!(!settled(&id, ct - 1));
        assert!(!settled(&id, ct));
        assert!(settled(&id, ct + 1));
        // Millisecond-rounded ones (FAT): two granules later.
        let rounded = FileIdentity { ctime_nsec: 10_000_000, ..id };
        let ct = rounded.ctime_ns();
        assert!(!settled(&rounded, ct + RACY_MARGIN_NS - 1));
        assert!(settled(&rounded, ct + RACY_MARGIN_NS));
        // Whole-second file systems: the next second.
        let whole = FileIdentity { ctime_nsec: 0, ..id };
        assert!(!settled(&whole, 1_700_000_000_999_999_999));
        assert!(settled(&whole, 1_700_000_001_000_000_000));
    }
}
