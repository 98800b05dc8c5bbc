//! Mapping a dump file privately, at its preferred address when possible,
//! else reading it into anonymous memory.
//!
//! Like every mmap-based loader (wasmtime's `deserialize_file`), the
//! preferred path relies on the file not being truncated or rewritten in
//! place while mapped; dumps are only replaced by rename, which leaves the
//! mapped inode alone.
//!
//! memmap2 cannot ask for an address, so the preferred-address path calls
//! `mmap` with `MAP_FIXED_NOREPLACE` through libc: the kernel either places
//! the mapping exactly there or fails (never replacing an existing
//! mapping), and we fall back to a mapping anywhere. Mapped at its
//! preferred address, the image needs no relocation, so its pages stay
//! clean and are shared through the page cache by every process.

use std::fs::File;
use std::os::fd::AsRawFd;

/// A whole file in memory: mapped privately at the address asked for, or
/// read into anonymous memory anywhere.
pub enum FileMap {
    /// Placed at the requested address with `mmap(2)`; unmapped on drop.
    Fixed { ptr: *mut u8, len: usize },
    /// Read into anonymous memory (memmap2): an image that must be
    /// relocated is written all over, and relocating a private file
    /// mapping would take a copy-on-write fault per page.
    Anywhere(memmap2::MmapMut),
}

// SAFETY: the mapping is plain memory exclusively owned by this value (the
// pointer is never shared outside it), so it may move between threads.
unsafe impl Send for FileMap {}

impl FileMap {
    /// Maps `file` (of `len` bytes, > 0) privately at `addr` if given and
    /// free, else reads it into anonymous memory anywhere (in huge pages
    /// where the kernel gives them).
    pub fn open(file: &File, len: usize, addr: Option<usize>) -> std::io::Result<FileMap> {
        if let Some(addr) = addr
            && let Some(m) = map_fixed(file, len, addr)
        {
            return Ok(m);
        }
        let mut map = memmap2::MmapMut::map_anon(len)?;
        #[cfg(target_os = "linux")]
        let _ = map.advise(memmap2::Advice::HugePage); // a hint: refusal is fine
        read_into(file, &mut map)?;
        Ok(FileMap::Anywhere(map))
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            // SAFETY: `ptr` maps `len` readable bytes for the lifetime of self.
            FileMap::Fixed { ptr, len } => unsafe { std::slice::from_raw_parts(*ptr, *len) },
            FileMap::Anywhere(m) => m,
        }
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        match self {
            // SAFETY: `ptr` maps `len` writable (private) bytes, and &mut self
            // gives exclusive access.
            FileMap::Fixed { ptr, len } => unsafe { std::slice::from_raw_parts_mut(*ptr, *len) },
            FileMap::Anywhere(m) => m,
        }
    }
}

impl Drop for FileMap {
    fn drop(&mut self) {
        if let FileMap::Fixed { ptr, len } = *self {
            // SAFETY: `ptr`/`len` is exactly the mapping made in `map_fixed`,
            // unmapped once; nothing refers to it after the heap is gone.
            unsafe { libc::munmap(ptr as *mut libc::c_void, len) };
        }
    }
}

/// Reads `file` into `buf` from its start; a big file in two halves on two
/// threads (the page faults and the copy out of the page cache dominate).
fn read_into(file: &File, buf: &mut [u8]) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    const PARALLEL_READ: usize = 8 << 20;
    if buf.len() < PARALLEL_READ {
        return file.read_exact_at(buf, 0);
    }
    let half = (buf.len() / 2) & !(super::format::PAGE - 1);
    let (low, high) = buf.split_at_mut(half);
    std::thread::scope(|s| {
        let other = s.spawn(|| file.read_exact_at(high, half as u64));
        let mine = file.read_exact_at(low, 0);
        mine.and(other.join().unwrap_or_else(|_| Err(std::io::Error::other("reader thread panicked"))))
    })
}

fn map_fixed(file: &File, len: usize, addr: usize) -> Option<FileMap> {
    // No MAP_POPULATE: on a private writable mapping it prefaults for
    // writing, copying every page (measured: the whole file private-dirty).
    let flags = libc::MAP_PRIVATE | libc::MAP_FIXED_NOREPLACE;
    // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping (the
    // call fails with EEXIST instead), so no memory of ours is clobbered; the
    // file descriptor is valid for the call; the result is checked below.
    let p = unsafe {
        libc::mmap(addr as *mut libc::c_void, len, libc::PROT_READ | libc::PROT_WRITE, flags, file.as_raw_fd(), 0)
    };
    if p == libc::MAP_FAILED {
        return None;
    }
    if p as usize != addr {
        // A kernel older than 4.17 treats the flag as a hint: not our address.
        // SAFETY: `p`/`len` is the mapping just made, unmapped once.
        unsafe { libc::munmap(p, len) };
        return None;
    }
    Some(FileMap::Fixed { ptr: p as *mut u8, len })
}

/// The cold part of a snapshot's image (string bytes, floats, limbs, table
/// arrays: no pointers, so never relocated), kept once in a sealed memfd
/// that every clone maps privately: clones share its pages until they
/// write one.
pub struct SharedCold {
    file: File,
    len: usize,
}

impl SharedCold {
    pub fn new(bytes: &[u8]) -> std::io::Result<SharedCold> {
        use std::io::Write;
        use std::os::fd::FromRawFd;
        let name = c"minilisp-snapshot-cold";
        // SAFETY: a valid NUL-terminated name and known flags; the result is checked.
        let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING) };
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: `fd` is a new descriptor that nothing else owns.
        let mut file = unsafe { File::from_raw_fd(fd) };
        file.write_all(bytes)?;
        // Sealed: no one can change what the clones see (private mappings
        // may still be written: they are copy-on-write).
        let seals = libc::F_SEAL_WRITE | libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_SEAL;
        // SAFETY: fcntl on our own descriptor with a known command.
        if unsafe { libc::fcntl(file.as_raw_fd(), libc::F_ADD_SEALS, seals) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(SharedCold { file, len: bytes.len() })
    }
}

/// One clone's image: fresh anonymous memory (in huge pages where the
/// kernel gives them) for the hot part, which the caller fills, with the
/// shared cold part mapped privately right after it (at `cold_offset`, a
/// page multiple), so one range holds the whole image.
pub struct CloneMap {
    ptr: *mut u8,
    len: usize,
}

// SAFETY: the mapping is plain memory exclusively owned by this value.
unsafe impl Send for CloneMap {}

impl CloneMap {
    pub fn new(hot_len: usize, cold: &SharedCold, cold_offset: usize) -> std::io::Result<CloneMap> {
        let len = cold_offset + cold.len;
        assert!(hot_len <= cold_offset && cold_offset.is_multiple_of(super::format::PAGE) && len > 0);
        let rw = libc::PROT_READ | libc::PROT_WRITE;
        // SAFETY: a fresh anonymous mapping anywhere; the result is checked.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, rw, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0) };
        if p == libc::MAP_FAILED {
            return Err(std::io::Error::last_os_error());
        }
        let map = CloneMap { ptr: p as *mut u8, len };
        // SAFETY: advice on our own fresh mapping; refusal is harmless.
        unsafe { libc::madvise(p, cold_offset, libc::MADV_HUGEPAGE) };
        if cold.len > 0 {
            // SAFETY: MAP_FIXED replaces only pages of the mapping just made
            // (owned by `map`, which nothing else refers to yet): the range
            // `cold_offset..len` lies inside it. The descriptor is valid.
            let q = unsafe {
                let at = map.ptr.add(cold_offset) as *mut libc::c_void;
                libc::mmap(at, cold.len, rw, libc::MAP_PRIVATE | libc::MAP_FIXED, cold.file.as_raw_fd(), 0)
            };
            if q == libc::MAP_FAILED {
                return Err(std::io::Error::last_os_error());
            }
        }
        Ok(map)
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        // SAFETY: `ptr` maps `len` writable (private) bytes for the lifetime
        // of self, and &mut self gives exclusive access.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Drop for CloneMap {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` covers exactly the mappings made in `new`
        // (the anonymous one and the cold part inside it), unmapped once;
        // the heap that used them is gone.
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.len) };
    }
}
