import GlassPlatform

/// Memory hints for the large arrays of an import (a 10^6-row file: several arrays of 8 MB).
public enum LargeBuffer {
    /// From this size on, a buffer is worth transparent huge pages.
    public static let hugePageBytes = 4 << 20

    /// Asks the kernel to back `buffer` with transparent huge pages where it allows them on request
    /// (Linux `madvise` mode): one page fault per 2 MiB instead of per 4 KiB, which is most of
    /// the cost of touching fresh memory. Only a hint: the contents and results do not change.
    public static func adviseHugePages<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
        let bytes = buffer.count * MemoryLayout<T>.stride
        guard bytes >= hugePageBytes, let base = buffer.baseAddress else { return }
        advise(from: Int(bitPattern: base), to: Int(bitPattern: base) + bytes, hugePages: true)
    }

    /// Gives `bytes` of memory at `base` back to the kernel before it is freed: an allocator that
    /// keeps freed memory for later (as the one-shot commands ask glibc's to) would otherwise hold
    /// its pages until the process ends. Only a hint: nothing is read from it afterwards.
    public static func returnPages(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        guard bytes >= 1 << 20, let base else { return }
        advise(from: Int(bitPattern: base), to: Int(bitPattern: base) + bytes, hugePages: false)
    }

    /// Gives back the pages of `buffer` wholly past its first `count` elements (reserved room that
    /// was touched only because a huge page spanned it: up to 2 MiB a column). The elements past
    /// `count` are uninitialised capacity, never read; a later write there faults in a fresh page.
    public static func releaseTail<T>(_ buffer: UnsafeMutableBufferPointer<T>, keeping count: Int) {
        let bytes = buffer.count * MemoryLayout<T>.stride
        guard bytes >= hugePageBytes, let base = buffer.baseAddress else { return }
        advise(from: Int(bitPattern: base) + max(count, 0) * MemoryLayout<T>.stride, to: Int(bitPattern: base) + bytes, hugePages: false)
    }

    /// `madvise` on the whole pages within the addresses [from, to): huge pages, or give them back.
    private static func advise(from: Int, to: Int, hugePages: Bool) {
        #if os(Linux)
        let page = 4096
        let start = (from + page - 1) / page * page, end = to / page * page
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, hugePages ? Int32(MADV_HUGEPAGE) : Int32(MADV_DONTNEED))
        #endif
    }
}
