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
        use std::os::unix::fs::FileExt;
        file.read_exact_at(&mut map, 0)?;
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
