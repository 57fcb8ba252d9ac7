//! mimalloc as the global allocator: coding allocates many short-lived strings per token, and mimalloc
//! serves them faster than the system allocator, without lock contention between the coding threads.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// mimalloc's `mi_option_purge_delay` (not among the crate's constants).
const MI_OPTION_PURGE_DELAY: mi::mi_option_t = 15;

/// Every mimalloc block is aligned to a word at least.
const WORD: usize = std::mem::size_of::<usize>();

/// Keeps freed pages instead of returning them to the OS, which each batch would fault in again.
/// To be called before any other thread starts.
pub(crate) fn keep_freed_memory() {
    // SAFETY: mi_option_set is not thread-safe; the caller runs before any other thread starts.
    unsafe { mi::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Plain `mi_malloc` for alignments of a word or less (nearly every allocation): `mi_malloc_aligned`, which
/// the `mimalloc` crate calls for all of them, takes a slow path for many block sizes.
pub(crate) struct MiMalloc;

// SAFETY: every call hands mimalloc a layout it supports and returns its block unchanged; blocks from
// `mi_malloc` and `mi_realloc` are word-aligned, which covers the alignments sent to them.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = if layout.align() <= WORD { mi::mi_malloc(layout.size()) } else { mi::mi_malloc_aligned(layout.size(), layout.align()) };
        p.cast()
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = if layout.align() <= WORD { mi::mi_zalloc(layout.size()) } else { mi::mi_zalloc_aligned(layout.size(), layout.align()) };
        p.cast()
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi::mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = ptr.cast::<c_void>();
        let p = if layout.align() <= WORD { mi::mi_realloc(p, new_size) } else { mi::mi_realloc_aligned(p, new_size, layout.align()) };
        p.cast()
    }
}
